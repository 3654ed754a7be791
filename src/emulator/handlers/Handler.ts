import type { UnitResponse } from '../http/UnitResponse';
import type { HandlerContext } from './HandlerContext';

/** Answers one routed request; throws `GraphError` for Graph-style failures. */
export type Handler = (context: HandlerContext) => UnitResponse;
