// The contract between the web resources and the Custom APIs: the definitions in pac-config.json (the
// single source the solution is generated from) and a check of a request object built for
// Xrm.WebApi.online.execute against them. The unit tests' fake Xrm and the browser tests' fake app
// both refuse a request that breaks it, with the message the server would give, so a page cannot send
// what the server refuses (as the matrix's what-if once sent Top = 0) and still pass its own tests.
// The request object's shape (getMetadata: boundParameter, parameterTypes, operationType, operationName):
// https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/xrm-webapi/online/execute

export interface ParameterDefinition {
  name: string;
  type: string;
  optional?: boolean;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

export interface CustomApiDefinition {
  uniqueName: string;
  bindingType: "Global" | "Entity" | string;
  boundTable?: string | null;
  isFunction: boolean;
  requestParameters: ParameterDefinition[];
  responseProperties: ParameterDefinition[];
}

/** The Custom APIs of a parsed pac-config.json. */
export function customApisOf(pacConfig: unknown): CustomApiDefinition[] {
  const apis = (pacConfig as { customApis?: CustomApiDefinition[] }).customApis;
  if (!Array.isArray(apis)) throw new Error("pac-config.json has no customApis");
  return apis;
}

/** Web API type names of the Custom API parameter types (primitive: structuralProperty 1). */
const PrimitiveTypeNames: Record<string, string> = {
  Boolean: "Edm.Boolean",
  DateTime: "Edm.DateTimeOffset",
  Decimal: "Edm.Decimal",
  Float: "Edm.Double",
  Guid: "Edm.Guid",
  Integer: "Edm.Int32",
  String: "Edm.String",
};

interface RequestMetadata {
  boundParameter?: string | null;
  operationName?: string;
  operationType?: number;
  parameterTypes?: Record<string, { typeName?: string; structuralProperty?: number }>;
}

/** What is wrong with a request object for Xrm.WebApi.online.execute; empty when it keeps the contract. */
export function requestProblems(apis: CustomApiDefinition[], request: unknown): string[] {
  const r = request as Record<string, unknown> & { getMetadata?: () => RequestMetadata };
  if (!r || typeof r.getMetadata !== "function") return ["the request has no getMetadata()"];
  const meta = r.getMetadata();
  const api = apis.find((a) => a.uniqueName === meta.operationName);
  if (!api) return [`${String(meta.operationName)} is not a Custom API of the solution`];
  const problems: string[] = [];
  const types = meta.parameterTypes ?? {};

  const expectedOperationType = api.isFunction ? 1 : 0;
  if (meta.operationType !== expectedOperationType) {
    problems.push(`${api.uniqueName} is ${api.isFunction ? "a function" : "an action"}: operationType must be ${expectedOperationType}; got ${String(meta.operationType)}`);
  }

  if (api.bindingType === "Entity") {
    const entity = r.entity as { entityType?: string; id?: string } | undefined;
    if (meta.boundParameter !== "entity") problems.push(`${api.uniqueName} is bound: boundParameter must be "entity"; got ${String(meta.boundParameter)}`);
    if (!entity || entity.entityType !== api.boundTable || !entity.id) problems.push(`${api.uniqueName} is bound to ${api.boundTable}: the request needs entity { entityType: "${api.boundTable}", id }`);
    const t = types.entity;
    if (!t || t.typeName !== `mscrm.${api.boundTable}` || t.structuralProperty !== 5) problems.push(`entity must be typed mscrm.${api.boundTable} (structuralProperty 5)`);
  } else if (meta.boundParameter !== null && meta.boundParameter !== undefined && meta.boundParameter !== "") {
    problems.push(`${api.uniqueName} is unbound: boundParameter must be null; got ${String(meta.boundParameter)}`);
  }

  for (const name of Object.keys(r)) {
    if (name === "getMetadata" || name === "entity") continue;
    if (!(name in types)) problems.push(`${name} is set on the request but not in parameterTypes, so it is never sent`);
  }

  for (const [name, t] of Object.entries(types)) {
    if (name === "entity") continue;
    const p = api.requestParameters.find((x) => x.name === name);
    if (!p) {
      problems.push(`${api.uniqueName} has no parameter ${name} (it has ${api.requestParameters.map((x) => x.name).join(", ") || "none"})`);
      continue;
    }
    const primitive = PrimitiveTypeNames[p.type];
    if (primitive) {
      if (t.typeName !== primitive || t.structuralProperty !== 1) problems.push(`${name} is ${p.type}: typeName must be ${primitive} (structuralProperty 1); got ${String(t.typeName)} (${String(t.structuralProperty)})`);
    } else if (p.type === "EntityReference" || p.type === "Entity") {
      if (!t.typeName?.startsWith("mscrm.") || t.structuralProperty !== 5) problems.push(`${name} is ${p.type}: typeName must be mscrm.<table> (structuralProperty 5); got ${String(t.typeName)} (${String(t.structuralProperty)})`);
      const v = r[name] as Record<string, unknown> | undefined;
      if (v && v["@odata.type"] !== `Microsoft.Dynamics.CRM.${t.typeName?.slice("mscrm.".length)}`) problems.push(`${name} must carry "@odata.type": "Microsoft.Dynamics.CRM.${t.typeName?.slice("mscrm.".length)}"`);
    }
    problems.push(...valueProblems(p, r[name]));
  }

  for (const p of api.requestParameters) {
    if (!p.optional && (r[p.name] === undefined || r[p.name] === null || !(p.name in types))) problems.push(`${api.uniqueName} needs ${p.name}`);
  }
  return problems;
}

function valueProblems(p: ParameterDefinition, v: unknown): string[] {
  if (v === undefined || v === null) return [];
  if (p.type === "Integer") {
    if (typeof v !== "number" || !Number.isInteger(v)) return [`${p.name} must be a whole number; got ${JSON.stringify(v)}`];
    const min = p.minimum ?? -2147483648;
    const max = p.maximum ?? 2147483647;
    if (v < min || v > max) return [`${p.name} must be between ${min} and ${max}; got ${v}`];
  }
  if (p.type === "String") {
    if (typeof v !== "string") return [`${p.name} must be text; got ${JSON.stringify(v)}`];
    if (p.maxLength !== undefined && v.length > p.maxLength) return [`${p.name} may be at most ${p.maxLength} characters; got ${v.length}`];
  }
  return [];
}

/** The names a page reads from a response must be response properties of that API. */
export function responseProblems(apis: CustomApiDefinition[], operationName: string, names: string[]): string[] {
  const api = apis.find((a) => a.uniqueName === operationName);
  if (!api) return [`${operationName} is not a Custom API of the solution`];
  return names.filter((n) => !api.responseProperties.some((p) => p.name === n)).map((n) => `${operationName} returns no ${n}`);
}
