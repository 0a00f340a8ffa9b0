-- Heartbeats in batches (HeartbeatBatcher): the configuration version of a SET of groups, so a
-- batch computes it once per distinct set instead of once per device; device_config_version keeps
-- its results exactly (the same groups, order and hash) and now calls it.
CREATE FUNCTION groups_config_version(groups text[]) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT left(md5(
        coalesce((
            SELECT string_agg(
                g || ':' || coalesce((SELECT max(version) FROM config_version c WHERE c.group_id = g), 0),
                ',' ORDER BY g <> 'default', g)
            FROM (SELECT DISTINCT unnest(groups) AS g) s), '')
        || '|' ||
        coalesce((
            SELECT string_agg(a.id || ':' || extract(epoch FROM a.valid_from) || ':' || extract(epoch FROM a.valid_to),
                ',' ORDER BY a.id)
            FROM announcement a
            WHERE a.group_id = ANY (groups) AND a.valid_from <= now() AND a.valid_to > now()), '')
    ), 16)
$$;

-- A device's groups: `default` and its memberships, sorted (comparable as a batch's set key).
CREATE FUNCTION device_groups(device text) RETURNS text[] LANGUAGE sql STABLE AS $$
    SELECT ARRAY(SELECT 'default'::text UNION SELECT group_id FROM device_group_member WHERE device_id = device
                 ORDER BY 1)
$$;

CREATE OR REPLACE FUNCTION device_config_version(device text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT groups_config_version(device_groups(device))
$$;

-- DeviceStatusCache asks every 5 s which devices were revoked since its last look.
CREATE INDEX device_revoked_idx ON device (revoked_at) WHERE revoked_at IS NOT NULL;
