/** What travels between the bench and a child started with startChild. */
export type ChildMessage =
  | { readonly type: 'ready'; readonly url: string }
  | { readonly type: 'answer'; readonly id: number; readonly result?: unknown; readonly error?: string }
  | { readonly type: 'call'; readonly id: number; readonly name: string; readonly payload?: unknown };
