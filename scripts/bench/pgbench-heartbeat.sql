-- pgbench: the database ceiling, the heartbeat upsert at its simplest (one kiosk's row: last seen,
-- versions, the 471-byte report, alarms), one statement and one commit per heartbeat, for a random
-- kiosk of :devices. The gateway's own statement (HeartbeatStore.recordBatch) does more per
-- heartbeat (alarm transitions, command results, pending commands, the config version) and must
-- still reach 60 % of the lower of this and the framework ceiling.
\set n random(1, :devices)
UPDATE device SET last_seen_at = now(), app_version = '1.4.2', config_version = '3f2a9c1d0b7e6a54',
    last_heartbeat = '{"appVersion":"1.4.2","commandResults":[],"configVersion":"3f2a9c1d0b7e6a54","counters":{"evaluations":3,"mailRequests":1,"receipts":12,"sessions":17},"disk":{"freePct":71.5},"outbox":{"deadLettered":0,"oldestAgeS":4,"pending":1},"printers":[{"name":"receipt","paper":"ok","reasons":["none"],"state":"idle"}],"reader":{"state":"online"},"replica":{"cursor":"djEuM2YyYTljMWQtMDAwMC00MDAwLTgwMDAt","lagS":4,"rows":5231},"sentAt":"2026-12-03T08:00:00+08:00","uptimeS":86400}'::jsonb,
    alarms = '{}'
WHERE id = 'k' || lpad(:n::text, 5, '0');
