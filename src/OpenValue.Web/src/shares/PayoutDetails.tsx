import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { AccountNetwork } from "../accounts/session";
import { api, unwrap } from "../api/client";
import { ApiError } from "../api/problem";
import type { components } from "../api/schema";
import { Field } from "../ui/Field";
import { Empty, ErrorView, FormProblem, Loading } from "../ui/States";
import { formatInstant } from "../ui/format";

type Details = components["schemas"]["PayoutDetailsRequest"];

/** The member's own payout details, or null when none are set (404 `payout-details-not-set`). */
function usePayoutDetails(networkId: string, memberId: string) {
  return useQuery({
    queryKey: ["networks", networkId, "payout-details", memberId],
    queryFn: async () => {
      try {
        return await unwrap(
          api.GET("/networks/{networkId}/members/{memberId}/payout-details", {
            params: { path: { networkId, memberId } },
          }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

function useSetPayoutDetails(networkId: string, memberId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Details) =>
      unwrap(
        api.PUT("/networks/{networkId}/members/{memberId}/payout-details", {
          params: { path: { networkId, memberId } },
          body,
        }),
      ),
    onSuccess: (saved) => queries.setQueryData(["networks", networkId, "payout-details", memberId], saved),
  });
}

/** A refused IBAN names the failed check: the message at the field says which. */
export function withCheck(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.problem.check) return error;
  return new ApiError(error.status, {
    ...error.problem,
    detail: `${error.message} (failed check: ${error.problem.check})`,
  });
}

function Current({ network }: { network: AccountNetwork }) {
  const details = usePayoutDetails(network.networkId, network.memberId);
  if (details.isPending) return <Loading what="your payout details" />;
  if (details.isError) return <ErrorView error={details.error} retry={() => details.refetch()} />;
  if (!details.data)
    return (
      <Empty>
        <p>You have not set payout details yet: treasurers cannot pay you by transfer until you do.</p>
      </Empty>
    );
  const d = details.data;
  return (
    <dl className="totals" aria-label="Your payout details">
      {d.iban !== null && (
        <div>
          <dt>IBAN</dt>
          <dd>{d.iban}</dd>
        </div>
      )}
      {d.iban !== null && (
        <div>
          <dt>BIC</dt>
          <dd>{d.bic ?? "—"}</dd>
        </div>
      )}
      {d.accountReference !== null && (
        <div>
          <dt>Account reference</dt>
          <dd>{d.accountReference}</dd>
        </div>
      )}
      <div>
        <dt>Set</dt>
        <dd>{formatInstant(d.setAt)}</dd>
      </div>
    </dl>
  );
}

function DetailsForm({ network }: { network: AccountNetwork }) {
  const set = useSetPayoutDetails(network.networkId, network.memberId);
  const [by, setBy] = useState<"iban" | "reference">("iban");
  const [iban, setIban] = useState("");
  const [bic, setBic] = useState("");
  const [accountReference, setReference] = useState("");
  const [saved, setSaved] = useState("");
  const error = withCheck(set.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved("");
    set.mutate(by === "iban" ? { iban, bic: bic || null } : { accountReference }, {
      onSuccess: () => setSaved("Payout details saved."),
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Set payout details">
      <FormProblem error={error} fields={["iban", "bic", "accountReference"]} />
      <fieldset>
        <legend>Pay me by</legend>
        <div className="choice">
          <label>
            <input type="radio" name="by" checked={by === "iban"} onChange={() => setBy("iban")} />
            bank transfer (IBAN)
          </label>
          <label>
            <input type="radio" name="by" checked={by === "reference"} onChange={() => setBy("reference")} />
            another account
          </label>
        </div>
      </fieldset>
      {by === "iban" ? (
        <div className="row">
          <Field
            label="IBAN"
            field="iban"
            error={error}
            value={iban}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setIban(e.target.value)}
          />
          <Field
            label="BIC (optional)"
            field="bic"
            error={error}
            value={bic}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setBic(e.target.value)}
          />
        </div>
      ) : (
        <Field
          label="Account reference"
          field="accountReference"
          error={error}
          hint="One line, e.g. “PayPal dee@example.org”."
          value={accountReference}
          onChange={(e) => setReference(e.target.value)}
        />
      )}
      <button type="submit" disabled={set.isPending}>
        Save payout details
      </button>
      <p role="status" className="hint">
        {saved}
      </p>
    </form>
  );
}

/** Where my money goes: the details set now, and a form to replace them. Only I set them; treasurers read them. */
export function PayoutDetails({ network }: { network: AccountNetwork }) {
  return (
    <>
      <Current network={network} />
      <DetailsForm network={network} />
    </>
  );
}
