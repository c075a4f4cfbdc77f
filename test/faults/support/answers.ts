import type { Response, Test } from 'supertest';

/** A request that never answers is recorded as status 0 once it has waited this long. */
export const ANSWER_LIMIT_MS = 120_000;

/** One request to the API and how it was answered. */
export interface Answer {
  label: string;
  startedAt: number;
  endedAt: number;
  /** 0: no answer within ANSWER_LIMIT_MS, or the connection failed. */
  status: number;
  code: string | null;
  message: string | null;
}

/**
 * Every request a fault test makes through the API, timed, whatever it answers: a 503 during an
 * outage is data for the test, not a failure of the caller.
 */
export class AnswerLog {
  readonly answers: Answer[] = [];

  async send(label: string, request: Test): Promise<Response | null> {
    const startedAt = Date.now();
    try {
      const response = await request.timeout(ANSWER_LIMIT_MS);
      const body = (response.body ?? {}) as { code?: unknown; message?: unknown };
      this.answers.push({
        label,
        startedAt,
        endedAt: Date.now(),
        status: response.status,
        code: typeof body.code === 'string' ? body.code : null,
        message: typeof body.message === 'string' ? body.message : null,
      });
      return response;
    } catch (error) {
      this.answers.push({ label, startedAt, endedAt: Date.now(), status: 0, code: null, message: (error as Error).message });
      return null;
    }
  }

  /** Requests sent from `from` until `until` (epoch ms). */
  sentBetween(from: number, until: number): Answer[] {
    return this.answers.filter((answer) => answer.startedAt >= from && answer.startedAt < until);
  }
}

export const durationOf = (answer: Answer) => answer.endedAt - answer.startedAt;
