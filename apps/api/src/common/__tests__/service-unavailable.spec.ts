import { NotFoundException } from '@nestjs/common';
import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { DomainError } from '@plancycle/domain';
import { QueryFailedError } from 'typeorm';
import { serviceUnavailable } from '../service-unavailable';

const grpcError = (code: number) => Object.assign(new Error(`${code} grpc`), { code, details: 'x', metadata: { getMap: () => ({}) } });
// gRPC status codes: 14 UNAVAILABLE, 4 DEADLINE_EXCEEDED, 5 NOT_FOUND.
const status = { UNAVAILABLE: 14, DEADLINE_EXCEEDED: 4, NOT_FOUND: 5 };
const pgError = (code: string, message = 'pg') => Object.assign(new Error(message), { code });

describe('serviceUnavailable', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['both addresses refused (AggregateError)', new AggregateError([pgError('ECONNREFUSED')], '')],
    ['a server shutting down (57P01) under TypeORM', new QueryFailedError('SELECT 1', [], pgError('57P01', 'terminating connection due to administrator command'))],
    ['a server starting up (57P03)', pgError('57P03', 'the database system is starting up')],
    ['a connection exception (08006)', pgError('08006')],
    ['a connection that died mid-query', new Error('Connection terminated unexpectedly')],
    ['a pool that waited past its bound', new Error('timeout exceeded when trying to connect')],
  ])('answers 503 DATABASE_UNAVAILABLE for %s', (_name, error) => {
    expect(serviceUnavailable(error)?.getResponse()).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
  });

  it('answers 503 WORKFLOW_ENGINE_UNAVAILABLE when Temporal cannot be reached, directly or wrapped', () => {
    expect(serviceUnavailable(grpcError(status.UNAVAILABLE))?.getResponse()).toMatchObject({ code: 'WORKFLOW_ENGINE_UNAVAILABLE' });
    expect(serviceUnavailable(new ServiceError('x', { cause: grpcError(status.DEADLINE_EXCEEDED) }))?.getResponse()).toMatchObject({ code: 'WORKFLOW_ENGINE_UNAVAILABLE' });
    expect(serviceUnavailable(new WorkflowUpdateRPCTimeoutOrCancelledError('x', { cause: grpcError(status.DEADLINE_EXCEEDED) }))?.getResponse()).toMatchObject({ code: 'WORKFLOW_ENGINE_UNAVAILABLE' });
  });

  it('never reads our own refusals as an outage, even when they quote what the user typed', () => {
    expect(serviceUnavailable(new NotFoundException({ code: 'CYCLE_NOT_FOUND', message: 'Không tìm thấy chu kỳ Connection terminated.' }))).toBeNull();
    expect(serviceUnavailable(new DomainError('CYCLE_INVALID', 'timeout exceeded when trying to connect'))).toBeNull();
  });

  it('leaves every other error alone', () => {
    for (const error of [new Error('boom'), pgError('23505', 'duplicate key'), new QueryFailedError('SELECT', [], pgError('42P01')), grpcError(status.NOT_FOUND), null, 'text']) {
      expect(serviceUnavailable(error)).toBeNull();
    }
  });
});
