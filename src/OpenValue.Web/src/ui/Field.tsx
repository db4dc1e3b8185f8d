import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { fieldError } from "../api/problem";

interface Labelled {
  label: string;
  /** The request field this input fills: a problem naming it is shown here. */
  field: string;
  error: unknown;
  hint?: ReactNode;
}

function useFieldProps({ field, error, hint }: Labelled) {
  const id = useId();
  const message = fieldError(error, field);
  const described = [hint ? `${id}-hint` : "", message ? `${id}-error` : ""].filter(Boolean).join(" ");
  return {
    id,
    message,
    control: {
      id,
      name: field,
      "aria-invalid": message ? true : undefined,
      "aria-describedby": described || undefined,
    },
  };
}

function Frame({
  id,
  label,
  hint,
  message,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  message?: string;
  children: ReactNode;
}) {
  return (
    <div className={message ? "field invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {message && (
        <p className="field-error" id={`${id}-error`}>
          {message}
        </p>
      )}
    </div>
  );
}

export function Field({ label, field, error, hint, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  const { id, message, control } = useFieldProps({ label, field, error, hint });
  return (
    <Frame id={id} label={label} hint={hint} message={message}>
      <input {...input} {...control} />
    </Frame>
  );
}

export function TextArea({
  label,
  field,
  error,
  hint,
  ...input
}: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { id, message, control } = useFieldProps({ label, field, error, hint });
  return (
    <Frame id={id} label={label} hint={hint} message={message}>
      <textarea {...input} {...control} />
    </Frame>
  );
}

export function Select({
  label,
  field,
  error,
  hint,
  children,
  ...input
}: Labelled & SelectHTMLAttributes<HTMLSelectElement>) {
  const { id, message, control } = useFieldProps({ label, field, error, hint });
  return (
    <Frame id={id} label={label} hint={hint} message={message}>
      <select {...input} {...control}>
        {children}
      </select>
    </Frame>
  );
}
