import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { meKey, type AccountNetwork } from "../accounts/session";
import { api, unwrap } from "../api/client";
import { navigate } from "../routing/router";
import { Field, TextArea } from "../ui/Field";
import { FormProblem } from "../ui/States";
import { todayUtc } from "../ui/format";

/**
 * A member leaving the network on their own. They leave under the bad-leaver terms (the good-leaver terms are the
 * stewards' to grant), keep what those terms keep, and can no longer act in the network afterwards: a
 * confirmation step first, then back to the account's networks.
 */
export function LeaveNetwork({ network }: { network: AccountNetwork }) {
  const queries = useQueryClient();
  const [on, setOn] = useState(todayUtc());
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const leave = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/networks/{networkId}/members/{memberId}/departure", {
          params: { path: { networkId: network.networkId, memberId: network.memberId } },
          body: { on, terms: "bad-leaver", reason },
        }),
      ),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: meKey });
      navigate("/");
    },
    onError: () => setConfirming(false),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (confirming) leave.mutate();
    else setConfirming(true);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Leave the network">
      <p>
        You leave under the network's bad-leaver terms (stewards may record a good leaver instead). You keep the points
        those terms keep and are still paid for them, but you can no longer act in this network.
      </p>
      <FormProblem error={leave.error} fields={["on", "reason"]} />
      <Field
        label="Leaving on"
        field="on"
        type="date"
        error={leave.error}
        value={on}
        onChange={(e) => setOn(e.target.value)}
      />
      <TextArea
        label="Why you leave"
        field="reason"
        error={leave.error}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      {confirming && <p role="alert">This cannot be undone. Press “Leave for good” to leave the network.</p>}
      <button type="submit" className="danger" disabled={leave.isPending}>
        {confirming ? "Leave for good" : "Leave the network"}
      </button>
      {confirming && (
        <button type="button" onClick={() => setConfirming(false)} autoFocus>
          Stay
        </button>
      )}
    </form>
  );
}
