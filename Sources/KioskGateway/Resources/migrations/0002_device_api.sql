-- The change feed's pruning horizon as a feed position: a cursor before (horizon_xid, horizon_seq)
-- points at rows that were pruned and is answered 410 (the kiosk rebuilds from the snapshot).
-- feed_epoch.horizon keeps the time of the last prune, for operators.
ALTER TABLE feed_epoch
    ADD COLUMN horizon_xid xid8 NOT NULL DEFAULT '0',
    ADD COLUMN horizon_seq bigint NOT NULL DEFAULT 0;

-- A device's configuration version (`GET /v1/device/config` ETag, heartbeat configVersion): a
-- stable hash of the latest config_version of each of its groups (default first, then by id) and
-- of the announcements current for them (id and validity).
CREATE FUNCTION device_config_version(device text) RETURNS text LANGUAGE sql STABLE AS $$
    WITH groups AS (
        SELECT 'default'::text AS group_id
        UNION
        SELECT group_id FROM device_group_member WHERE device_id = device
    )
    SELECT left(md5(
        coalesce((
            SELECT string_agg(
                g.group_id || ':' || coalesce((SELECT max(version) FROM config_version c WHERE c.group_id = g.group_id), 0),
                ',' ORDER BY g.group_id <> 'default', g.group_id)
            FROM groups g), '')
        || '|' ||
        coalesce((
            SELECT string_agg(a.id || ':' || extract(epoch FROM a.valid_from) || ':' || extract(epoch FROM a.valid_to),
                ',' ORDER BY a.id)
            FROM announcement a
            WHERE a.group_id IN (SELECT group_id FROM groups) AND a.valid_from <= now() AND a.valid_to > now()), '')
    ), 16)
$$;
