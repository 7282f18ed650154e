/**
 * Turns the AppSync-flavoured SDL into an executable graphql-js schema. AppSync predeclares its
 * scalars and directives; plain graphql-js does not, so we prepend those declarations (only the
 * ones the SDL does not declare itself) and read the auth / subscribe directives back from the AST.
 */
import {
  buildSchema,
  isScalarType,
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { AWS_SCALARS, implementScalar } from './scalars.js';

const DIRECTIVES: Record<string, string> = {
  aws_cognito_user_pools: 'directive @aws_cognito_user_pools(cognito_groups: [String]) on OBJECT | FIELD_DEFINITION',
  aws_iam: 'directive @aws_iam on OBJECT | FIELD_DEFINITION',
  aws_api_key: 'directive @aws_api_key on OBJECT | FIELD_DEFINITION',
  aws_oidc: 'directive @aws_oidc on OBJECT | FIELD_DEFINITION',
  aws_lambda: 'directive @aws_lambda on OBJECT | FIELD_DEFINITION',
  aws_auth: 'directive @aws_auth(cognito_groups: [String]) on FIELD_DEFINITION',
  aws_subscribe: 'directive @aws_subscribe(mutations: [String]) on FIELD_DEFINITION',
  deprecated: '',
};

/** Who may touch a field: null = no directive here, fall back to the type, then the default mode. */
export interface AuthRule {
  userPools: boolean;
  /** null = any signed-in user-pool user; otherwise membership in one of these groups */
  groups: string[] | null;
  iam: boolean;
}

export interface LocalSchema {
  schema: GraphQLSchema;
  /** the rule that applies to Type.field, after field → type → default precedence */
  ruleFor(typeName: string, fieldName: string): AuthRule;
  /** subscription field names fired by a mutation field name */
  subscriptionsFor(mutationField: string): string[];
}

function listArg(d: ConstDirectiveNode, name: string): string[] | null {
  const arg = d.arguments?.find((a) => a.name.value === name);
  if (!arg || arg.value.kind !== 'ListValue') return null;
  return arg.value.values.flatMap((v) => (v.kind === 'StringValue' ? [v.value] : []));
}

function ruleFrom(directives: readonly ConstDirectiveNode[] | undefined): AuthRule | null {
  const names = new Set((directives ?? []).map((d) => d.name.value));
  const pools = directives?.find((d) => d.name.value === 'aws_cognito_user_pools' || d.name.value === 'aws_auth');
  const iam = names.has('aws_iam');
  if (!pools && !iam && !names.has('aws_api_key') && !names.has('aws_oidc') && !names.has('aws_lambda')) return null;
  return { userPools: !!pools, groups: pools ? listArg(pools, 'cognito_groups') : null, iam };
}

// The API's default mode is Cognito user pools (any signed-in user); IAM is an additional mode,
// so it only reaches fields that say @aws_iam.
const DEFAULT_RULE: AuthRule = { userPools: true, groups: null, iam: false };

export function loadSchema(sdl: string): LocalSchema {
  const prelude = [
    ...AWS_SCALARS.filter((s) => !new RegExp(`\\bscalar\\s+${s}\\b`).test(sdl)).map((s) => `scalar ${s}`),
    ...Object.entries(DIRECTIVES)
      .filter(([name, decl]) => decl && !new RegExp(`directive\\s+@${name}\\b`).test(sdl))
      .map(([, decl]) => decl),
  ].join('\n');
  const schema = buildSchema(`${prelude}\n${sdl}`);
  for (const type of Object.values(schema.getTypeMap())) {
    if (isScalarType(type) && AWS_SCALARS.includes(type.name)) implementScalar(type);
  }

  const typeRule = (type: GraphQLNamedType | null | undefined) =>
    ruleFrom([
      ...(type?.astNode?.directives ?? []),
      ...(type?.extensionASTNodes.flatMap((n) => n.directives ?? []) ?? []),
    ]);
  const ruleFor = (typeName: string, fieldName: string): AuthRule => {
    const type = schema.getType(typeName);
    const field =
      type && 'getFields' in type
        ? (type.getFields()[fieldName] as GraphQLField<unknown, unknown> | undefined)
        : undefined;
    return ruleFrom(field?.astNode?.directives) ?? typeRule(type) ?? DEFAULT_RULE;
  };

  const subs = new Map<string, string[]>();
  for (const field of Object.values(schema.getSubscriptionType()?.getFields() ?? {})) {
    const d = field.astNode?.directives?.find((x) => x.name.value === 'aws_subscribe');
    for (const m of d ? (listArg(d, 'mutations') ?? []) : []) subs.set(m, [...(subs.get(m) ?? []), field.name]);
  }
  return { schema, ruleFor, subscriptionsFor: (m) => subs.get(m) ?? [] };
}
