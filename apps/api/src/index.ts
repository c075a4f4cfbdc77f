export { createApp } from './create-app';
export { FAILURES_PER_ACCOUNT, FAILURES_PER_ADDRESS } from './auth/sign-in-throttle';
