import { Field } from "../ui/Field";

export interface Credentials {
  login: string;
  password: string;
  createAccount: boolean;
}

/** New account or existing one: the login and password a person types to accept an invitation. */
export function AccountFields({
  value,
  onChange,
  error,
}: {
  value: Credentials;
  onChange: (c: Credentials) => void;
  error: unknown;
}) {
  return (
    <fieldset>
      <legend>Your account</legend>
      <div className="choice">
        <label>
          <input
            type="radio"
            name="account"
            checked={value.createAccount}
            onChange={() => onChange({ ...value, createAccount: true })}
          />
          Create an account
        </label>
        <label>
          <input
            type="radio"
            name="account"
            checked={!value.createAccount}
            onChange={() => onChange({ ...value, createAccount: false })}
          />
          I have an account
        </label>
      </div>
      <Field
        label="Login (email or user name)"
        field="login"
        error={error}
        autoComplete="username"
        value={value.login}
        onChange={(e) => onChange({ ...value, login: e.target.value })}
        required
      />
      <Field
        label="Password"
        field="password"
        error={error}
        type="password"
        autoComplete={value.createAccount ? "new-password" : "current-password"}
        hint={value.createAccount ? "At least 10 characters." : undefined}
        value={value.password}
        onChange={(e) => onChange({ ...value, password: e.target.value })}
        required
      />
    </fieldset>
  );
}
