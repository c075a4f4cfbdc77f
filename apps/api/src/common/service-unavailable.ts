import { HttpException, HttpStatus } from '@nestjs/common';
import { isGrpcServiceError } from '@temporalio/client';
import { DomainError } from '@plancycle/domain';
import { ApiException } from './api-exception';

/** Seconds a client is asked to wait before trying again (`Retry-After`) when a service is down. */
export const RETRY_AFTER_SECONDS = 10;

// SQLSTATE classes and codes that mean "the server is not there", not "your query is wrong":
// 08 connection exception, 57P01–57P03 shut down or starting up, 53300 too many connections.
const PG_UNAVAILABLE_STATES = /^(08...|57P0[123]|53300)$/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// What node-postgres throws when a connection dies or the pool waits past connectTimeoutMS; it has no code.
const PG_CONNECTION_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed/i;
// gRPC: UNAVAILABLE (14), DEADLINE_EXCEEDED (4).
const GRPC_UNAVAILABLE = new Set([14, 4]);

/**
 * A 503 with a message people can act on when PostgreSQL or the Temporal server cannot be reached,
 * or null when the error is anything else. A restart of either is an outage to wait out, not a
 * fault of the request. What was under way may or may not have been written (a decision's own
 * request id makes sending it again safe), so the message says to look before trying again.
 */
export function serviceUnavailable(error: unknown): ApiException | null {
  // Our own refusals may quote what the user typed ("Connection terminated" as a cycle id): never read as an outage.
  if (error instanceof HttpException || error instanceof DomainError) return null;
  if (isTemporalUnavailable(error)) {
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, 'WORKFLOW_ENGINE_UNAVAILABLE', 'Máy chủ quy trình (Temporal) tạm thời không phản hồi, nên thao tác có thể chưa được thực hiện. Vui lòng tải lại trang để kiểm tra, rồi thử lại sau ít phút.');
  }
  if (isDatabaseUnavailable(error)) {
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, 'DATABASE_UNAVAILABLE', 'Cơ sở dữ liệu tạm thời không truy cập được, nên thao tác có thể chưa được thực hiện. Vui lòng tải lại trang để kiểm tra, rồi thử lại sau ít phút.');
  }
  return null;
}

/** A gRPC UNAVAILABLE or DEADLINE_EXCEEDED anywhere in the chain (ServiceError, an update's RPC timeout, …). */
function isTemporalUnavailable(error: unknown): boolean {
  return causesOf(error).some((candidate) => isGrpcServiceError(candidate) && GRPC_UNAVAILABLE.has(candidate.code));
}

function isDatabaseUnavailable(error: unknown): boolean {
  for (const candidate of causesOf(error)) {
    const { code, message } = candidate as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || PG_UNAVAILABLE_STATES.test(code))) return true;
    if (typeof message === 'string' && PG_CONNECTION_MESSAGES.test(message)) return true;
  }
  return false;
}

/** The error, TypeORM's `driverError`, `cause`s and an AggregateError's parts (pg tries IPv4 and IPv6). */
function causesOf(error: unknown, depth = 0): unknown[] {
  if (typeof error !== 'object' || error === null || depth > 4) return [];
  const { driverError, cause, errors } = error as { driverError?: unknown; cause?: unknown; errors?: unknown };
  const nested = [driverError, cause, ...(Array.isArray(errors) ? errors : [])];
  return [error, ...nested.flatMap((inner) => causesOf(inner, depth + 1))];
}
