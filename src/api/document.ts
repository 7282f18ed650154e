/**
 * A GraphQL document as the app sends it: a plain string, branded with the result and variables
 * the code generator worked out for it (src/api/generated/documents/). The brand exists only for
 * the type checker.
 */
declare const shape: unique symbol;

export type Document<TResult, TVariables> = string & {
  readonly [shape]?: { result: TResult; variables: TVariables };
};

export type ResultOf<D> = D extends Document<infer R, unknown> ? R : never;
export type VariablesOf<D> = D extends Document<unknown, infer V> ? V : never;
