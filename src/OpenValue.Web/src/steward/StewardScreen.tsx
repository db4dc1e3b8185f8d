import { useState, type FormEvent } from "react";
import type { AccountNetwork } from "../accounts/session";
import { useProjects } from "../claims/queries";
import { useMembers } from "../members/queries";
import { Link } from "../routing/router";
import { Field } from "../ui/Field";
import { Empty, ErrorView, FormProblem, Loading } from "../ui/States";
import { formatDate, formatInstant, formatPoints } from "../ui/format";
import { claimsPageSize, useRevocationRequests } from "../claims/queries";
import { Correction } from "../claims/Correction";
import { Pager, usePage } from "../treasury/Pager";
import { MemberEditor } from "./MemberEditor";
import { useOpenProject } from "./queries";

const membersPageSize = 10;

function Members({ network }: { network: AccountNetwork }) {
  const members = useMembers(network.networkId);
  const [filter, setFilter] = useState("");
  const [open, setOpen] = useState<string>();
  const shown = (members.data?.members ?? []).filter((m) => m.name.toLowerCase().includes(filter.toLowerCase()));
  const { rows, page, pages, setPage } = usePage(shown, membersPageSize);
  if (members.isPending) return <Loading what="members" />;
  if (members.isError) return <ErrorView error={members.error} retry={() => members.refetch()} />;
  return (
    <>
      <p>
        <Link to={`/n/${network.networkId}/members`}>Admit a member</Link> on the members screen.
      </p>
      <Field
        label="Find a member"
        field="filter"
        error={null}
        type="search"
        value={filter}
        onChange={(e) => {
          setFilter(e.target.value);
          setPage(1);
        }}
      />
      {rows.length === 0 ? (
        <Empty>
          <p>No member's name contains “{filter}”.</p>
        </Empty>
      ) : (
        <ul className="cards" aria-label="Members to manage">
          {rows.map((m) => (
            <li key={m.memberId} className="card">
              <div className="card-head">
                <strong>{m.name}</strong>
                <span className="meta">
                  {m.roles.join(", ")} · {m.stakeholderClass}
                  {m.departure && (
                    <>
                      {" "}
                      · left on {formatDate(m.departure.on)} ({m.departure.terms})
                    </>
                  )}
                  {m.erased && <> · personal data erased</>}
                </span>
              </div>
              <button
                type="button"
                className="secondary"
                aria-expanded={open === m.memberId}
                onClick={() => setOpen(open === m.memberId ? undefined : m.memberId)}
              >
                Manage {m.name}
              </button>
              {open === m.memberId && <MemberEditor networkId={network.networkId} member={m} />}
            </li>
          ))}
        </ul>
      )}
      <Pager label="Pages of members" page={page} pages={pages} onPage={setPage} />
    </>
  );
}

/** Accepted claims members asked the stewards to revoke: revoke one, or leave it standing. */
function RevocationRequests({ network }: { network: AccountNetwork }) {
  const [page, setPage] = useState(1);
  const requests = useRevocationRequests(network.networkId, page);
  const members = useMembers(network.networkId);
  if (requests.isPending) return <Loading what="requests to revoke" />;
  if (requests.isError) return <ErrorView error={requests.error} retry={() => requests.refetch()} />;
  const { items, totalCount } = requests.data;
  const name = (id: string) => members.data?.members.find((m) => m.memberId === id)?.name ?? "a member";
  if (items.length === 0 && page === 1)
    return (
      <Empty>
        <p>No member has asked to revoke an accepted claim.</p>
      </Empty>
    );
  const pages = Math.max(1, Math.ceil(Number(totalCount) / claimsPageSize));
  return (
    <>
      <ul className="cards" aria-label="Claims members asked to revoke">
        {items.map((c) => (
          <li key={c.contributionId} className="card">
            <div className="card-head">
              <strong>
                {name(c.memberId)}: {formatPoints(c.quantity)} {c.unit} of {c.kind}
              </strong>
              <span className="meta">{formatDate(c.occurredOn)}</span>
            </div>
            <p>{c.description}</p>
            {(c.revocationRequests ?? []).map((r, i) => (
              <p key={i} className="reason">
                {name(r.requestedBy)} asks to revoke: {r.reason}
              </p>
            ))}
            <Correction networkId={network.networkId} claim={c} kind="revoke" label="Revoke acceptance" />
          </li>
        ))}
      </ul>
      <Pager label="Pages of requests to revoke" page={page} pages={pages} onPage={setPage} />
    </>
  );
}

function Projects({ network }: { network: AccountNetwork }) {
  const projects = useProjects(network.networkId);
  const openProject = useOpenProject(network.networkId);
  const [name, setName] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    openProject.mutate(name, { onSuccess: () => setName("") });
  };
  return (
    <>
      <form onSubmit={submit} noValidate aria-label="Open a project">
        <FormProblem error={openProject.error} fields={["name"]} />
        <Field
          label="Project name"
          field="name"
          error={openProject.error}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" disabled={openProject.isPending}>
          Open the project
        </button>
      </form>
      {projects.isPending ? (
        <Loading what="projects" />
      ) : projects.isError ? (
        <ErrorView error={projects.error} retry={() => projects.refetch()} />
      ) : projects.data.projects.length === 0 ? (
        <Empty>
          <p>No project yet.</p>
        </Empty>
      ) : (
        <ul className="cards" aria-label="Projects">
          {projects.data.projects.map((p) => (
            <li key={p.projectId} className="card">
              <div className="card-head">
                <strong>{p.name}</strong>
                <span className="meta">opened {formatInstant(p.openedAt)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The steward's screen: members' roles, classes, access, departures and erasure; claims asked to revoke; projects. */
export function StewardScreen({ network }: { network: AccountNetwork }) {
  return (
    <>
      <h1>Stewardship</h1>
      <section aria-labelledby="steward-members-heading">
        <h2 id="steward-members-heading">Members</h2>
        <Members network={network} />
      </section>
      <section aria-labelledby="revocations-heading">
        <h2 id="revocations-heading">Asked to revoke</h2>
        <RevocationRequests network={network} />
      </section>
      <section aria-labelledby="projects-heading">
        <h2 id="projects-heading">Projects</h2>
        <Projects network={network} />
      </section>
    </>
  );
}
