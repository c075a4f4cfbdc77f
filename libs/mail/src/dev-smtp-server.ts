/**
 * A development SMTP server that accepts every message on loopback and keeps it in memory, so
 * `npm start` needs no mail account and tests can assert on real mail sent over real SMTP.
 * Never expose it: no auth, no TLS, anyone who can connect can send.
 */
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject, type HeaderValue, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface DevMailMessage {
  /** Sequential per server, as a string, for URLs. */
  id: string;
  receivedAt: Date;
  /** What the client said in MAIL FROM / RCPT TO, which is who really receives it (Bcc included). */
  envelope: { from: string; to: string[] };
  /** The From header as written, e.g. `PlanCycle <no-reply@plancycle.test>`. */
  from: string;
  /** Addresses in the To header. */
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** Lower-case header names; structured values flattened to text. */
  headers: Record<string, string>;
}

export interface DevSmtpServerOptions {
  /** 0 or omitted picks a free port. */
  port?: number;
  /** Older messages are forgotten beyond this many, so a long `npm start` does not grow without bound. */
  maxMessages?: number;
}

export interface WaitForOptions {
  timeoutMs?: number;
}

const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

export class DevSmtpServer {
  private server: SMTPServer | null = null;
  private stored: DevMailMessage[] = [];
  private nextId = 1;
  private readonly arrivals = new EventEmitter();
  private readonly maxMessages: number;
  /**
   * Runs after a message is read and before the server answers 250 to it: a test sets it to crash
   * the sender in the window where the message is delivered but the sender does not know yet.
   */
  beforeAccept: ((message: DevMailMessage) => Promise<void> | void) | null = null;
  /** Recipients this answers `550 no such mailbox` for, as a real server does for a wrong address. */
  rejectsRecipient: ((address: string) => boolean) | null = null;

  constructor(private readonly options: DevSmtpServerOptions = {}) {
    this.maxMessages = options.maxMessages ?? 1000;
    // Every waitFor() adds a listener; many concurrent waits in one test file are legitimate.
    this.arrivals.setMaxListeners(0);
  }

  async start(options: { port?: number } = {}): Promise<{ port: number; url: string }> {
    if (this.server) throw new Error('DevSmtpServer is already started.');
    const server = new SMTPServer({
      banner: 'PlanCycle development SMTP server',
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      size: MAX_MESSAGE_BYTES,
      logger: false,
      // Clients that keep a connection open (a pooled transport) must not hold stop() for the default 30 s.
      closeTimeout: 1_000,
      onRcptTo: (address, _session, callback) => {
        if (this.rejectsRecipient?.(address.address)) return callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
        callback();
      },
      onData: (stream, session, callback) => {
        this.receive(stream, session).then(() => callback(), callback);
      },
    });
    const port = options.port ?? this.options.port ?? 0;
    const address = await new Promise<AddressInfo>((resolve, reject) => {
      server.once('error', reject);
      const listening = server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve(listening.address() as AddressInfo);
      });
    });
    // After start, a broken client connection must not crash the process hosting the server.
    server.on('error', () => undefined);
    this.server = server;
    return { port: address.port, url: `smtp://127.0.0.1:${address.port}` };
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Oldest first. */
  messages(): DevMailMessage[] {
    return [...this.stored];
  }

  clear(): void {
    this.stored = [];
  }

  /**
   * The first message, already received or still to come, that matches `predicate`; rejects after
   * `timeoutMs` with the subjects that did arrive, which is usually what explains the failure.
   */
  waitFor(predicate: (message: DevMailMessage) => boolean, { timeoutMs = 10_000 }: WaitForOptions = {}): Promise<DevMailMessage> {
    return new Promise((resolve, reject) => {
      const check = (message: DevMailMessage): boolean => {
        try {
          if (!predicate(message)) return false;
          resolve(message);
        } catch (error) {
          reject(error);
        }
        return true;
      };
      if (this.stored.some(check)) return;
      const onMessage = (message: DevMailMessage) => {
        if (check(message)) done();
      };
      const timer = setTimeout(() => {
        done();
        const seen = this.stored.map((m) => `"${m.subject}" → ${m.envelope.to.join(', ')}`).join('; ') || 'none';
        reject(new Error(`No mail matched within ${timeoutMs} ms. Received: ${seen}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.arrivals.off('message', onMessage);
      };
      this.arrivals.on('message', onMessage);
    });
  }

  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const parsed = await simpleParser(stream);
    if (stream.sizeExceeded) throw Object.assign(new Error('Message too large'), { responseCode: 552 });
    const message = toMessage(String(this.nextId++), parsed, session);
    await this.beforeAccept?.(message);
    this.stored.push(message);
    if (this.stored.length > this.maxMessages) this.stored.splice(0, this.stored.length - this.maxMessages);
    this.arrivals.emit('message', message);
  }
}

function toMessage(id: string, parsed: ParsedMail, session: SMTPServerSession): DevMailMessage {
  const { mailFrom, rcptTo } = session.envelope;
  return {
    id,
    receivedAt: new Date(),
    envelope: { from: mailFrom ? mailFrom.address : '', to: rcptTo.map((rcpt) => rcpt.address) },
    from: parsed.from?.text ?? '',
    to: addresses(parsed.to),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: parsed.html || null,
    headers: Object.fromEntries([...parsed.headers].map(([name, value]) => [name, headerText(value)])),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((object) => object.value.flatMap((entry) => (entry.group ?? [entry]).map((a) => a.address ?? '')).filter(Boolean));
}

function headerText(value: HeaderValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => headerText(item)).join(', ');
  if ('text' in value) return value.text;
  const params = Object.entries(value.params ?? {}).map(([key, param]) => `; ${key}=${param}`);
  return value.value + params.join('');
}
