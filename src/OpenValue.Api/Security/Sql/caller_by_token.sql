-- The caller behind a bearer token: the token's record and its member's view, in one round trip. Every request
-- to a route that names a network pays for this lookup (ApiTokenHandler), so it is one statement rather than
-- two sessions. The member is looked up in the token's own network (the view's tenant), never the route's:
-- whether that is the route's network is the tenancy requirement's decision. $1 is the token's SHA-256.
select t.data, m.data
  from SCHEMA.mt_doc_accesstoken t
  left join SCHEMA.mt_doc_memberview m
    on m.tenant_id = t.data ->> 'networkId' and m.id = (t.data ->> 'memberId')::uuid
 where t.id = $1
