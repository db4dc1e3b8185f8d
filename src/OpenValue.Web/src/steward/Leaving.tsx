import { useState, type FormEvent } from "react";
import { Field, Select, TextArea } from "../ui/Field";
import { FormProblem } from "../ui/States";
import { todayUtc } from "../ui/format";
import { useErase, useRecordDeparture, type Member } from "./queries";

/** A steward records that a member left: the date, good- or bad-leaver terms, and why. */
export function Departure({ networkId, member }: { networkId: string; member: Member }) {
  const depart = useRecordDeparture(networkId);
  const [on, setOn] = useState(todayUtc());
  const [terms, setTerms] = useState("good-leaver");
  const [reason, setReason] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    depart.mutate({ memberId: member.memberId, on, terms, reason });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`Departure of ${member.name}`}>
      <FormProblem error={depart.error} fields={["on", "terms", "reason"]} />
      <div className="row">
        <Field
          label="Left on"
          field="on"
          type="date"
          error={depart.error}
          value={on}
          onChange={(e) => setOn(e.target.value)}
        />
        <Select
          label="Terms"
          field="terms"
          error={depart.error}
          value={terms}
          onChange={(e) => setTerms(e.target.value)}
        >
          <option value="good-leaver">good leaver</option>
          <option value="bad-leaver">bad leaver</option>
        </Select>
      </div>
      <TextArea
        label="Reason for the departure"
        field="reason"
        error={depart.error}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="danger" disabled={depart.isPending}>
        Record departure
      </button>
    </form>
  );
}

/** Erasing a member's personal data, after a confirmation step: it cannot be undone. */
export function Erasure({ networkId, member }: { networkId: string; member: Member }) {
  const erase = useErase(networkId);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="review">
      <FormProblem error={erase.error} fields={[]} />
      {confirming ? (
        <div role="group" aria-label={`Confirm erasing ${member.name}`}>
          <p>
            Erase the personal data of {member.name}? Their name, the texts they wrote and their payout details can no
            longer be read; points, shares and the ledger stay. This cannot be undone.
          </p>
          <div className="row">
            <button
              type="button"
              className="danger"
              disabled={erase.isPending}
              onClick={() => erase.mutate(member.memberId)}
            >
              Yes, erase {member.name}
            </button>
            {/* The confirmation opens on a click or Enter: the keyboard lands on the safe choice. */}
            <button type="button" className="secondary" autoFocus onClick={() => setConfirming(false)}>
              Keep the data
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>
          Erase personal data of {member.name}
        </button>
      )}
    </div>
  );
}
