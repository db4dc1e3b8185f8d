import { useId, useState } from "react";

/** An invitation link to hand to its member: shown once, selectable, and copied with one button. */
export function InvitationLink({ name, url }: { name: string; url: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(url);
    setCopied(true);
  };
  return (
    <div className="invitation">
      <label htmlFor={id}>
        Invitation link for {name} (works once, for 7 days)
      </label>
      <div className="copy">
        <input id={id} readOnly value={url} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={copy}>
          Copy link
        </button>
      </div>
      <p role="status" className="hint">
        {copied ? "Copied. Send it to them yourself: only this screen shows it." : ""}
      </p>
    </div>
  );
}
