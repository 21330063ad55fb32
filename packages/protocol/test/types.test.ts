/**
 * Type-level tests. vitest runs them as ordinary (empty) tests; `tsc -p tsconfig.test.json`
 * (the package's `typecheck` script) is what fails when a type drifts.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  Ack,
  AgentClientToServerEvents,
  AgentRequests,
  AgentServerToClientEvents,
  Conversation,
  ErrorCode,
  Hello,
  Message,
  MessageAck,
  RequestOf,
  ResponseOf,
  Result,
  SessionRevoked,
  SyncRequest,
  SyncResponse,
  VisitorClientToServerEvents,
  VisitorConversation,
  VisitorRequests,
  VisitorServerToClientEvents,
} from '../src/index.js';

describe('socket.io event maps', () => {
  it('message:send acks a MessageAck on both namespaces', () => {
    expectTypeOf<VisitorClientToServerEvents['message:send']>()
      .parameter(1)
      .toEqualTypeOf<Ack<MessageAck> | undefined>();
    expectTypeOf<AgentClientToServerEvents['message:send']>()
      .parameter(1)
      .toEqualTypeOf<Ack<MessageAck> | undefined>();
    expectTypeOf<Ack<MessageAck>>().parameter(0).toEqualTypeOf<Result<MessageAck>>();
  });

  it('the visitor payload has no visibility; the agent one may omit it', () => {
    type VisitorSend = Parameters<VisitorClientToServerEvents['message:send']>[0];
    type AgentSend = Parameters<AgentClientToServerEvents['message:send']>[0];
    expectTypeOf<VisitorSend>().not.toHaveProperty('visibility');
    expectTypeOf<{ conversationId: string; clientMsgId: string; body: string }>().toExtend<AgentSend>();
    expectTypeOf<AgentSend['visibility']>().toEqualTypeOf<'all' | 'agents' | undefined>();
    expectTypeOf<RequestOf<AgentRequests, 'message:send'>['visibility']>().toEqualTypeOf<'all' | 'agents'>();
  });

  it('message:sync takes an optional limit on the wire and answers a SyncResponse', () => {
    type Payload = Parameters<VisitorClientToServerEvents['message:sync']>[0];
    expectTypeOf<Payload>().toEqualTypeOf<SyncRequest>();
    expectTypeOf<{ conversationId: string; afterSeq: number }>().toExtend<Payload>();
    expectTypeOf<RequestOf<VisitorRequests, 'message:sync'>['limit']>().toEqualTypeOf<number>();
    expectTypeOf<ResponseOf<VisitorRequests, 'message:sync'>>().toEqualTypeOf<SyncResponse>();
  });

  it('conversation requests answer the right view', () => {
    expectTypeOf<ResponseOf<VisitorRequests, 'conversation:open'>>().toEqualTypeOf<VisitorConversation>();
    expectTypeOf<ResponseOf<VisitorRequests, 'conversation:list'>>().toEqualTypeOf<VisitorConversation[]>();
    expectTypeOf<ResponseOf<AgentRequests, 'conversation:take'>>().toEqualTypeOf<Conversation>();
  });

  it('staff-only events do not exist on /visitor', () => {
    expectTypeOf<VisitorClientToServerEvents>().not.toHaveProperty('conversation:take');
    expectTypeOf<VisitorClientToServerEvents>().not.toHaveProperty('conversation:resolve');
    expectTypeOf<VisitorServerToClientEvents>().not.toHaveProperty('session:revoked');
    expectTypeOf<AgentClientToServerEvents>().not.toHaveProperty('conversation:open');
  });

  it('pushes carry their schema types', () => {
    expectTypeOf<VisitorServerToClientEvents['session:hello']>().parameter(0).toEqualTypeOf<Hello>();
    expectTypeOf<VisitorServerToClientEvents['message:new']>().parameter(0).toEqualTypeOf<Message>();
    expectTypeOf<VisitorServerToClientEvents['conversation:update']>()
      .parameter(0)
      .toEqualTypeOf<VisitorConversation>();
    expectTypeOf<AgentServerToClientEvents['conversation:update']>()
      .parameter(0)
      .toEqualTypeOf<Conversation>();
    expectTypeOf<AgentServerToClientEvents['session:revoked']>().parameter(0).toEqualTypeOf<SessionRevoked>();
  });

  it('the visitor view of a conversation has no internal routing fields', () => {
    expectTypeOf<VisitorConversation>().not.toHaveProperty('teamId');
    expectTypeOf<VisitorConversation>().not.toHaveProperty('attributes');
    expectTypeOf<VisitorConversation>().not.toHaveProperty('assignee');
  });
});

describe('Result', () => {
  it('narrows on ok', () => {
    const handle = (result: Result<MessageAck>) => {
      if (result.ok) {
        expectTypeOf(result.data).toEqualTypeOf<MessageAck>();
      } else {
        expectTypeOf(result.error.code).toEqualTypeOf<ErrorCode>();
        expectTypeOf(result.error.message).toEqualTypeOf<string>();
        expectTypeOf(result.error.details).toEqualTypeOf<unknown>();
      }
    };
    expectTypeOf(handle).returns.toBeVoid();
  });

  it('ErrorCode is a closed string union', () => {
    expectTypeOf<'rate-limited'>().toExtend<ErrorCode>();
    expectTypeOf<'teapot'>().not.toExtend<ErrorCode>();
  });
});
