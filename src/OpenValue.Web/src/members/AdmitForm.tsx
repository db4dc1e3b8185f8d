import { useState, type FormEvent } from "react";
import { fieldError } from "../api/problem";
import { Field, Select } from "../ui/Field";
import { FormProblem } from "../ui/States";
import { InvitationLink } from "./InvitationLink";
import { useAdmit, type Admission } from "./queries";

const roles = ["contributor", "reviewer", "treasurer", "steward"] as const;
const classes = ["labour", "founder", "user", "investor"] as const;
const fields = ["name", "roles", "stakeholderClass"] as const;

const blank = (): Admission & { key: string } => ({
  key: crypto.randomUUID(),
  name: "",
  roles: ["contributor"],
  stakeholderClass: "labour",
});

export function AdmitForm({ networkId }: { networkId: string }) {
  const admit = useAdmit(networkId);
  const [admission, setAdmission] = useState(blank);
  const [admitted, setAdmitted] = useState<{ name: string; url: string }>();
  const rolesError = fieldError(admit.error, "roles") ?? fieldError(admit.error, "roles[0]");

  const toggle = (role: string, on: boolean) =>
    setAdmission({ ...admission, roles: on ? [...admission.roles, role] : admission.roles.filter((r) => r !== role) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    admit.mutate(admission, {
      onSuccess: (result) => {
        setAdmitted({ name: admission.name, url: result.invitationUrl });
        setAdmission(blank());
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="admit-heading">
      <h2 id="admit-heading">Admit a member</h2>
      <FormProblem error={admit.error} fields={[...fields, "roles[0]"]} />
      <Field
        label="Name"
        field="name"
        error={admit.error}
        value={admission.name}
        onChange={(e) => setAdmission({ ...admission, name: e.target.value })}
        required
      />
      <fieldset aria-invalid={rolesError ? true : undefined} aria-describedby={rolesError ? "roles-error" : undefined}>
        <legend>Roles</legend>
        <div className="choice">
          {roles.map((role) => (
            <label key={role}>
              <input
                type="checkbox"
                checked={admission.roles.includes(role)}
                onChange={(e) => toggle(role, e.target.checked)}
              />
              {role}
            </label>
          ))}
        </div>
        {rolesError && (
          <p className="field-error" id="roles-error">
            {rolesError}
          </p>
        )}
      </fieldset>
      <Select
        label="Stakeholder class"
        field="stakeholderClass"
        error={admit.error}
        value={admission.stakeholderClass}
        onChange={(e) => setAdmission({ ...admission, stakeholderClass: e.target.value })}
      >
        {classes.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </Select>
      <button type="submit" disabled={admit.isPending}>
        {admit.isPending ? "Admitting…" : "Admit"}
      </button>
      {admitted && <InvitationLink name={admitted.name} url={admitted.url} />}
    </form>
  );
}
