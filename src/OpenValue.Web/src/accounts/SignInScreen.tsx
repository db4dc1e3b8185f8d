import { useState, type FormEvent } from "react";
import { Field } from "../ui/Field";
import { FormProblem } from "../ui/States";
import { Link, navigate } from "../routing/router";
import { useSignIn } from "./session";

const fields = ["login", "password"] as const;

export function SignInScreen() {
  const signIn = useSignIn();
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ login, password }, { onSuccess: () => navigate("/", { replace: true }) });
  };

  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <form onSubmit={submit} noValidate>
        <FormProblem error={signIn.error} fields={fields} />
        <Field
          label="Login"
          field="login"
          error={signIn.error}
          autoComplete="username"
          value={login}
          onChange={(e) => setLogin(e.target.value)}
          required
        />
        <Field
          label="Password"
          field="password"
          error={signIn.error}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p>
        New here? Open the invitation link a steward sent you, or <Link to="/found">found a network</Link>.
      </p>
    </section>
  );
}
