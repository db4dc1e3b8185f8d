import { useState, type FormEvent } from "react";
import { fieldError } from "../api/problem";
import { InvitationLink } from "../members/InvitationLink";
import { useFreshInvitation } from "../members/queries";
import { Field, Select } from "../ui/Field";
import { FormProblem } from "../ui/States";
import { todayUtc } from "../ui/format";
import { Departure, Erasure } from "./Leaving";
import { useChangeMember, useChangeRoles, type Member } from "./queries";

const roles = ["contributor", "reviewer", "treasurer", "steward"] as const;
const classes = ["founder", "labour", "user", "investor"] as const;

function Roles({ networkId, member }: { networkId: string; member: Member }) {
  const change = useChangeRoles(networkId);
  const [chosen, setChosen] = useState<string[]>(member.roles);
  const [saved, setSaved] = useState("");
  const error = fieldError(change.error, "grant") ?? fieldError(change.error, "revoke");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const grant = chosen.filter((r) => !member.roles.includes(r as Member["roles"][number]));
    const revoke = member.roles.filter((r) => !chosen.includes(r));
    change.mutate({ memberId: member.memberId, grant, revoke }, { onSuccess: () => setSaved("Roles saved.") });
  };
  const id = `roles-${member.memberId}`;
  return (
    <form onSubmit={submit} noValidate aria-label={`Roles of ${member.name}`}>
      <FormProblem error={change.error} fields={["grant", "revoke"]} />
      <fieldset aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <legend>Roles of {member.name}</legend>
        <div className="choice">
          {roles.map((role) => (
            <label key={role}>
              <input
                type="checkbox"
                checked={chosen.includes(role)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, role] : chosen.filter((r) => r !== role))}
              />
              {role}
            </label>
          ))}
        </div>
        {error && (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </fieldset>
      <button type="submit" disabled={change.isPending}>
        Save roles
      </button>
      <p role="status" className="hint">
        {saved}
      </p>
    </form>
  );
}

function Class({ networkId, member }: { networkId: string; member: Member }) {
  const change = useChangeMember(networkId);
  const [stakeholderClass, setClass] = useState<string>(member.stakeholderClass);
  const [effectiveOn, setEffectiveOn] = useState(todayUtc());
  const [saved, setSaved] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(
      { memberId: member.memberId, stakeholderClass, effectiveOn },
      { onSuccess: (m) => setSaved(`${m.name} is ${m.stakeholderClass} from ${effectiveOn}.`) },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`Stakeholder class of ${member.name}`}>
      <FormProblem error={change.error} fields={["stakeholderClass", "effectiveOn", "name"]} />
      <div className="row">
        <Select
          label="Stakeholder class"
          field="stakeholderClass"
          error={change.error}
          value={stakeholderClass}
          onChange={(e) => setClass(e.target.value)}
        >
          {classes.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
        <Field
          label="From"
          field="effectiveOn"
          type="date"
          error={change.error}
          value={effectiveOn}
          onChange={(e) => setEffectiveOn(e.target.value)}
        />
      </div>
      <button type="submit" disabled={change.isPending}>
        Change class
      </button>
      <p role="status" className="hint">
        {saved}
      </p>
    </form>
  );
}

function Rename({ networkId, member }: { networkId: string; member: Member }) {
  const change = useChangeMember(networkId);
  const [name, setName] = useState(member.name);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ memberId: member.memberId, name });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`Name of ${member.name}`}>
      <FormProblem error={change.error} fields={["name"]} />
      <Field label="Name" field="name" error={change.error} value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="secondary" disabled={change.isPending}>
        Rename
      </button>
    </form>
  );
}

function FreshLink({ networkId, member }: { networkId: string; member: Member }) {
  const fresh = useFreshInvitation(networkId);
  return (
    <div className="review">
      <FormProblem error={fresh.error} fields={[]} />
      <button
        type="button"
        className="secondary"
        onClick={() => fresh.mutate(member.memberId)}
        disabled={fresh.isPending}
      >
        New invitation link for {member.name}
      </button>
      {fresh.data && <InvitationLink name={member.name} url={fresh.data.invitationUrl} />}
    </div>
  );
}

/**
 * Everything a steward changes about one member: roles, class from a date, name, a fresh invitation link,
 * a departure, erasing their personal data. A departed member's roles and access no longer change; an erased
 * member has nothing left to change.
 */
export function MemberEditor({ networkId, member }: { networkId: string; member: Member }) {
  if (member.erased) return <p className="hint">This member's personal data is erased.</p>;
  if (member.departure)
    return (
      <div className="editor">
        <Erasure networkId={networkId} member={member} />
      </div>
    );
  return (
    <div className="editor">
      <Roles networkId={networkId} member={member} />
      <Class networkId={networkId} member={member} />
      <Rename networkId={networkId} member={member} />
      <FreshLink networkId={networkId} member={member} />
      <Departure networkId={networkId} member={member} />
      <Erasure networkId={networkId} member={member} />
    </div>
  );
}
