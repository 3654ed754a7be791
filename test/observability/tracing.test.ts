import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { startOidcProvider } from '../support/oidc/startOidcProvider';
import type { OidcProvider } from '../support/oidc/OidcProvider';
import { startGateway, type TestGateway } from '../support/startGateway';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const SECRET = 'SecretReasonValue';
const QUERY = `query Traced { credentialUserRegistrationDetails(first: 3) {
  nodes { userPrincipalName usageEvents(first: 2, filter: { failureReason: { startsWith: "${SECRET}" } }) { nodes { id } } } } }`;

/** Every attribute value of a span and of its events, as text. */
function attributeTexts(span: ReadableSpan): string[] {
  const values = [span.attributes, ...span.events.map((e) => e.attributes ?? {})].flatMap((a) => Object.values(a));
  return [span.name, ...values.map((v) => (Array.isArray(v) ? v.join(',') : String(v)))];
}

describe('OpenTelemetry traces, with the real SDK registered by the host', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  let idp: OidcProvider;
  let gw: TestGateway;
  beforeAll(async () => {
    // What a host does: a tracer provider, the W3C propagator and an AsyncLocalStorage context manager.
    provider.register();
    idp = await startOidcProvider();
    gw = await startGateway({
      emulator: { users: 10 },
      httpsAgent: idp.httpsAgent,
      env: {
        GATEWAY_AUTH: 'entra', GRAPH_AUTH: 'obo', AZURE_TENANT_ID: idp.tenantId, AZURE_CLIENT_ID: idp.clientId,
        AZURE_CLIENT_SECRET: idp.clientSecret, AZURE_AUTHORITY_HOST: idp.authorityHost, GATEWAY_AUDIENCE: idp.apiAudience,
        // The per-key plan, forced: the spans counted are one envelope of per-user link reads.
        GRAPH_LINK_PLAN: 'batch',
      },
    });
  });
  afterAll(async () => {
    await gw.stop();
    await idp.close();
    await provider.shutdown();
    trace.disable();
    propagation.disable();
    context.disable();
  });

  it('continues the caller\'s traceparent: one span per operation, one per upstream call or envelope, traceparent sent upstream, no token or query value in any attribute', async () => {
    const callerToken = await idp.signCallerToken(idp.callerClaims());
    const res = await gw.query(QUERY, undefined, { authorization: `Bearer ${callerToken}`, traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` });
    expect(res.body.errors).toBeUndefined();
    const users: string[] = res.body.data!.credentialUserRegistrationDetails.nodes.map((n: { userPrincipalName: string }) => n.userPrincipalName);
    expect(users).toHaveLength(3);
    await provider.forceFlush();
    const spans = exporter.getFinishedSpans();

    // The operation: a server span, child of the caller's span, named after the operation.
    const servers = spans.filter((s) => s.kind === SpanKind.SERVER);
    expect(servers).toHaveLength(1);
    const operation = servers[0]!;
    expect(operation.name).toBe('query Traced');
    expect(operation.spanContext().traceId).toBe(TRACE_ID);
    expect(operation.parentSpanContext?.spanId).toBe(CALLER_SPAN_ID);
    expect(operation.attributes).toMatchObject({
      'graphql.operation.name': 'Traced', 'graphql.operation.type': 'query', 'http.response.status_code': 200,
      'gateway.outcome': 'ok', 'gateway.upstream.http_requests': 2, 'gateway.upstream.inner_requests': 4,
      'gateway.request_id': res.headers.get('x-request-id'),
    });

    // Upstream: one client span per call on the socket (the list, then one envelope of 3), children of the operation.
    const received = gw.emulator.log.http();
    const clients = spans.filter((s) => s.kind === SpanKind.CLIENT);
    expect(clients.map((s) => s.name)).toEqual(['GET credentialUserRegistrationDetails', 'POST $batch']);
    expect(received.map((r) => r.path)).toEqual(['/reports/credentialUserRegistrationDetails', '/$batch']);
    clients.forEach((span, i) => {
      const record = received[i]!;
      expect(span.spanContext().traceId).toBe(TRACE_ID);
      expect(span.parentSpanContext?.spanId).toBe(operation.spanContext().spanId);
      // traceparent names this very span as the parent of what Graph does.
      expect(record.headers['traceparent']).toBe(`00-${TRACE_ID}-${span.spanContext().spanId}-01`);
      expect(span.attributes['graph.client_request_id']).toBe(record.headers['client-request-id']);
      expect(span.attributes['graph.request_id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(span.attributes['http.response.status_code']).toBe(200);
    });
    expect(clients[1]!.attributes['graph.inner_requests']).toBe(3);
    // Each inner answer is an event of the envelope's span, with its own ids.
    const inner = gw.emulator.log.all().filter((r) => r.batch !== undefined);
    expect(clients[1]!.events.map((e) => e.attributes?.['graph.client_request_id']).sort()).toEqual(inner.map((r) => r.headers['client-request-id']).sort());

    // Nothing secret or user-specific: no caller token, no upstream token, no filter value, no user name.
    const upstreamToken = received[0]!.headers['authorization']!.replace(/^Bearer /, '');
    const texts = spans.flatMap(attributeTexts);
    for (const secret of [callerToken, upstreamToken, SECRET, ...users, '$filter=']) {
      expect(texts.filter((text) => text.includes(secret))).toEqual([]);
    }
  });

  it('starts a new trace when the caller sends none, and marks a failed upstream call as an error', async () => {
    exporter.reset();
    gw.emulator.setFaults([{ status: 500, match: { pathIncludes: 'credentialUserRegistrationDetails' } }]);
    const callerToken = await idp.signCallerToken(idp.callerClaims());
    const res = await gw.query('{ credentialUserRegistrationDetails(first: 1) { nodes { id } } }', undefined, { authorization: `Bearer ${callerToken}` });
    gw.emulator.setFaults([]);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    await provider.forceFlush();
    const spans = exporter.getFinishedSpans();
    const operation = spans.find((s) => s.kind === SpanKind.SERVER)!;
    expect(operation.name).toBe('query');
    expect(operation.parentSpanContext).toBeUndefined();
    expect(operation.attributes).toMatchObject({ 'gateway.outcome': 'failed', 'gateway.error_codes': ['UPSTREAM_ERROR'] });
    const call = spans.find((s) => s.kind === SpanKind.CLIENT)!;
    expect(call.parentSpanContext?.spanId).toBe(operation.spanContext().spanId);
    expect(call.attributes).toMatchObject({ 'http.response.status_code': 500, 'error.type': '500' });
    expect(call.status.code).toBe(2);
  });

  it('ends the span of a caller refused before execution with its status and no upstream span', async () => {
    exporter.reset();
    const res = await gw.query('{ credentialUserRegistrationDetails(first: 1) { nodes { id } } }');
    expect(res.status).toBe(401);
    await provider.forceFlush();
    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => [s.kind, s.name])).toEqual([[SpanKind.SERVER, 'GraphQL Operation']]);
    expect(spans[0]!.attributes).toMatchObject({ 'http.response.status_code': 401, 'gateway.outcome': 'refused' });
    expect(spans[0]!.status.code).toBe(2);
  });
});
