-- Every network the store holds events or hashes for (a network whose streams were all deleted still has hashes).
select tenant_id from SCHEMA.mt_streams where tenant_id <> '*DEFAULT*'
union
select tenant_id from SCHEMA.ov_event_hashes
order by 1;
