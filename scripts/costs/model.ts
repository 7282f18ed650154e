/**
 * The monthly AWS bill of one Huddle stack as a function of the number of students: the price list
 * and the usage assumed, both written out so COSTS.md can be checked and redone (`npm run costs`).
 */

/** On-demand list prices in eu-west-1 (Ireland), USD, as assumed on 2026-11-30. */
export const PRICES = {
  cognitoPerMau: 0.015, // Essentials plan (the default for new user pools), beyond the free MAUs
  cognitoFreeMau: 10_000,
  /** The Lite plan (enough for what Huddle uses): per MAU by tier, same free MAUs. */
  cognitoLiteTiers: [
    { upTo: 100_000, perMau: 0.0055 },
    { upTo: 1_000_000, perMau: 0.0046 },
    { upTo: 10_000_000, perMau: 0.00325 },
  ],
  appsyncPerMillionOperations: 4.0, // queries and mutations, the publish mutations included
  appsyncPerMillionRealtimeUpdates: 2.0,
  appsyncPerMillionConnectionMinutes: 0.08,
  lambdaPerMillionRequests: 0.2,
  lambdaPerGbSecondArm: 0.0000133334,
  lambdaFreeRequests: 1_000_000, // always-free tier, per account
  lambdaFreeGbSeconds: 400_000,
  dataApiPerMillionRequests: 0.35,
  auroraPerAcuHour: 0.13, // Serverless v2, Aurora Standard
  auroraStoragePerGbMonth: 0.11,
  auroraPerMillionIo: 0.22,
  internetEgressPerGb: 0.09, // AppSync responses and real-time messages, beyond the free 100 GB
  internetEgressFreeGb: 100,
  cloudfrontPerGb: 0.085, // Europe and North America, first 10 TB
  cloudfrontPer10kRequests: 0.012,
  cloudfrontFreeGb: 1_000, // always-free tier
  cloudfrontFreeRequests: 10_000_000,
  logsPerGbIngested: 0.57,
  secretPerMonth: 0.4,
  wafWebAclPerMonth: 5.0,
  wafRulePerMonth: 1.0,
  wafPerMillionRequests: 0.6,
  interfaceEndpointPerAzHour: 0.011, // the Secrets Manager endpoint the rotation functions reach
} as const;

/** What the stack holds whatever the traffic (infra/): counted in the fixed terms below. */
export const FIXED = {
  databaseSecrets: 3, // master, app, sign-up check (infra/database.ts)
  wafRules: 2, // per address, per session (infra/api.ts)
  endpointAzs: 1, // one zone: rotation runs monthly and can wait
  hoursPerMonth: 730,
} as const;

/** What one student does in a month, on average: assumptions, not measurements (COSTS.md explains them). */
export const USAGE = {
  activeShare: 0.4, // students who open the app in a month (Cognito's monthly active users)
  sessionsPerActive: 12,
  apiOperationsPerSession: 25, // GraphQL queries and mutations the app sends in a session
  lambdaInvocationsPerOperation: 1.2, // every root field is one direct Lambda resolver call
  publishesPerActive: 40, // notifications and activity changes pushed through the IAM mutations
  realtimeUpdatesPerActive: 80, // messages delivered to subscribers (publishes and chat messages)
  connectionMinutesPerSession: 15,
  dataApiCallsPerInvocation: 3.5, // caller lookup, BEGIN/COMMIT and the statements themselves
  gbSecondsPerInvocation: 0.08, // 1024 MB for 80 ms billed, on average
  ioPerStatement: 1,
  logBytesPerInvocation: 400, // Lambda's START/END/REPORT lines
  storageKbPerStudent: 50,
  responseKbPerOperation: 3, // a page of activities is the largest, ~10 KB; most answers are small
  cdnMbPerActive: 2.5, // index.html and config.json each visit, the app's assets after a deploy
  cdnRequestsPerActive: 90,
  /** Data API statements one ACU serves, from BENCHMARKS.md (≈1,500 statements/s on ~3 ACU worth of CPU), with headroom. */
  statementsPerSecondPerAcu: 400,
  minimumAcu: 0.5, // infra/database.ts: always on, so no request waits for a resume
  busyHoursPerDay: 6, // evenings: when students arrange and join games
  busyShareOfTraffic: 0.7,
} as const;

const HOURS = 730;
const DAYS = HOURS / 24;

/** ACU-hours in a month: Aurora follows the load, busy hours at their rate and the rest at theirs, never under the floor. */
function acuHours(statementsPerMonth: number): number {
  const u = USAGE;
  const perDay = statementsPerMonth / DAYS;
  const quietHours = 24 - u.busyHoursPerDay;
  const acuAt = (statements: number, hours: number) =>
    Math.max(u.minimumAcu, statements / (hours * 3600) / u.statementsPerSecondPerAcu);
  const busy = acuAt(perDay * u.busyShareOfTraffic, u.busyHoursPerDay) * u.busyHoursPerDay;
  const quiet = acuAt(perDay * (1 - u.busyShareOfTraffic), quietHours) * quietHours;
  return (busy + quiet) * DAYS;
}

/** Cognito's bill on the Lite plan, tier by tier. */
export function cognitoLite(mau: number): number {
  let from: number = PRICES.cognitoFreeMau;
  let usd = 0;
  for (const tier of PRICES.cognitoLiteTiers) {
    usd += Math.max(0, Math.min(mau, tier.upTo) - from) * tier.perMau;
    from = tier.upTo;
  }
  return usd;
}

export interface CostLine {
  term: string;
  usd: number;
}

export function monthlyCost(students: number): CostLine[] {
  const p = PRICES;
  const u = USAGE;
  const mau = students * u.activeShare;
  const operations = mau * u.sessionsPerActive * u.apiOperationsPerSession;
  const invocations = operations * u.lambdaInvocationsPerOperation + mau * u.publishesPerActive;
  const dataApiCalls = invocations * u.dataApiCallsPerInvocation;
  const free = (amount: number, allowance: number) => Math.max(0, amount - allowance);
  return [
    { term: 'Cognito (monthly active users)', usd: free(mau, p.cognitoFreeMau) * p.cognitoPerMau },
    {
      term: 'AppSync operations',
      usd: ((operations + mau * u.publishesPerActive) / 1e6) * p.appsyncPerMillionOperations,
    },
    {
      term: 'AppSync real-time (updates and connection minutes)',
      usd:
        ((mau * u.realtimeUpdatesPerActive) / 1e6) * p.appsyncPerMillionRealtimeUpdates +
        ((mau * u.sessionsPerActive * u.connectionMinutesPerSession) / 1e6) * p.appsyncPerMillionConnectionMinutes,
    },
    {
      term: 'AppSync data transfer out',
      usd:
        free(
          ((operations + mau * u.realtimeUpdatesPerActive) * u.responseKbPerOperation) / 1e6,
          p.internetEgressFreeGb,
        ) * p.internetEgressPerGb,
    },
    {
      term: 'Lambda (requests and GB-seconds)',
      usd:
        (free(invocations, p.lambdaFreeRequests) / 1e6) * p.lambdaPerMillionRequests +
        free(invocations * u.gbSecondsPerInvocation, p.lambdaFreeGbSeconds) * p.lambdaPerGbSecondArm,
    },
    { term: 'RDS Data API requests', usd: (dataApiCalls / 1e6) * p.dataApiPerMillionRequests },
    { term: 'Aurora Serverless v2 capacity (ACU-hours)', usd: acuHours(dataApiCalls) * p.auroraPerAcuHour },
    {
      term: 'Aurora storage and I/O',
      usd:
        ((students * u.storageKbPerStudent) / 1e6) * p.auroraStoragePerGbMonth +
        ((dataApiCalls * u.ioPerStatement) / 1e6) * p.auroraPerMillionIo,
    },
    {
      term: 'CloudFront (the app)',
      usd:
        free((mau * u.cdnMbPerActive) / 1000, p.cloudfrontFreeGb) * p.cloudfrontPerGb +
        (free(mau * u.cdnRequestsPerActive, p.cloudfrontFreeRequests) / 1e4) * p.cloudfrontPer10kRequests,
    },
    { term: 'CloudWatch Logs', usd: ((invocations * u.logBytesPerInvocation) / 1e9) * p.logsPerGbIngested },
    { term: 'Secrets Manager (three database secrets, rotated)', usd: FIXED.databaseSecrets * p.secretPerMonth },
    {
      term: 'WAF (web ACL, two rate rules, requests)',
      usd:
        p.wafWebAclPerMonth +
        FIXED.wafRules * p.wafRulePerMonth +
        ((operations + mau * u.publishesPerActive) / 1e6) * p.wafPerMillionRequests,
    },
    {
      term: 'VPC endpoint for Secrets Manager (rotation)',
      usd: FIXED.endpointAzs * FIXED.hoursPerMonth * p.interfaceEndpointPerAzHour,
    },
  ];
}

const usd = (n: number) => (n >= 100 ? `$${Math.round(n).toLocaleString('en-US')}` : `$${n.toFixed(2)}`);
const cents = (n: number) => (n >= 0.1 ? `$${n.toFixed(3)}` : `$${n.toFixed(4)}`);

/** The tables COSTS.md shows: the total and per student at each size, then every term. */
export function costTables(sizes: readonly number[] = [1_000, 10_000, 100_000, 1_000_000]): string {
  const bills = sizes.map((n) => ({ n, lines: monthlyCost(n) }));
  const total = (lines: CostLine[]) => lines.reduce((sum, l) => sum + l.usd, 0);
  const head = `| students | ${sizes.map((n) => n.toLocaleString('en-US')).join(' | ')} |\n|---|${sizes.map(() => '---:').join('|')}|`;
  const summary = [
    head,
    `| per month | ${bills.map((b) => usd(total(b.lines))).join(' | ')} |`,
    `| **per student per month** | ${bills.map((b) => `**${cents(total(b.lines) / b.n)}**`).join(' | ')} |`,
    `| per student, Cognito on Lite | ${bills
      .map((b) => cents((total(b.lines) - b.lines[0]!.usd + cognitoLite(b.n * USAGE.activeShare)) / b.n))
      .join(' | ')} |`,
    `| largest terms | ${bills
      .map((b) =>
        [...b.lines]
          .sort((x, y) => y.usd - x.usd)
          .slice(0, 2)
          .map((l) => `${l.term.split(' (')[0]} ${Math.round((100 * l.usd) / total(b.lines))} %`)
          .join(', '),
      )
      .join(' | ')} |`,
  ];
  const terms = monthlyCost(1).map(
    (line, i) => `| ${line.term} | ${bills.map((b) => usd(b.lines[i]!.usd)).join(' | ')} |`,
  );
  return [...summary, '', head.replace('| students |', '| term, per month |'), ...terms].join('\n');
}
