/** A value jest's global setup put in the environment for this run (service addresses, template database). */
export function runEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with \`npm test\` (jest's global setup starts the services).`);
  return value;
}
