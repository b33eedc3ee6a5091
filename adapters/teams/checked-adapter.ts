import {
  CloudAdapter,
  type Activity,
  type ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from "botbuilder";

type Authentication = ConfigurationBotFrameworkAuthentication;
export type AuthenticatedRequest = Awaited<ReturnType<Authentication["authenticateRequest"]>>;

/** Dates of an activity as botbuilder's own request handling turns them into Date objects. */
function withDates(activity: Activity): Activity {
  const raw = activity as Activity & Record<string, unknown>;
  for (const [field, rawField] of [
    ["timestamp", "rawTimestamp"],
    ["expiration", "rawExpiration"],
    ["localTimestamp", "rawLocalTimestamp"],
  ] as const) {
    const value = raw[field];
    if (typeof value === "string") {
      raw[rawField] = value;
      raw[field] = new Date(value);
    }
  }
  return activity;
}

/**
 * botbuilder's CloudAdapter with the two halves of `process` apart: the token check, whose failure the
 * caller answers itself (botbuilder would answer 500 with the error's text for some), and the turn.
 */
export class CheckedCloudAdapter extends CloudAdapter {
  constructor(private readonly authentication: Authentication) {
    super(authentication);
  }

  authenticate(activity: Activity, authorization: string): Promise<AuthenticatedRequest> {
    return this.authentication.authenticateRequest(activity, authorization);
  }

  run(request: AuthenticatedRequest, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(request, withDates(activity), logic);
  }
}
