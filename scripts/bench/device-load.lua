-- wrk script for scripts/bench-gateway: a simulated fleet on kiosk-gateway's bench listener.
--
-- Environment:
--   BENCH_DEVICES    kiosks k00001 … kNNNNN to pick from at random (default 30000)
--   BENCH_DELAY_MS   pause before each request on a connection (0: as fast as possible)
--   BENCH_MIX        "heartbeat" (default), "fleet" (5 heartbeats : 1 changes pull) or
--                    "storm" (a kiosk arriving: snapshot, changes pull, config, heartbeat)
--   BENCH_CURSOR     the feed cursor the changes pulls send (from a first pull)
local devices = tonumber(os.getenv("BENCH_DEVICES") or "30000")
local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
local mix = os.getenv("BENCH_MIX") or "heartbeat"
local cursor = os.getenv("BENCH_CURSOR") or ""
local counter = 0
local thread_id = 0

-- A heartbeat as the kiosk sends it (471 bytes).
local heartbeat = '{"appVersion":"1.4.2","commandResults":[],"configVersion":"3f2a9c1d0b7e6a54",'
    .. '"counters":{"evaluations":3,"mailRequests":1,"receipts":12,"sessions":17},"disk":{"freePct":71.5},'
    .. '"outbox":{"deadLettered":0,"oldestAgeS":4,"pending":1},'
    .. '"printers":[{"name":"receipt","paper":"ok","reasons":["none"],"state":"idle"}],'
    .. '"reader":{"state":"online"},"replica":{"cursor":"djEuM2YyYTljMWQtMDAwMC00MDAwLTgwMDAt","lagS":4,"rows":5231},'
    .. '"sentAt":"2026-12-03T08:00:00+08:00","uptimeS":86400}'

local threads = {}
function setup(thread)
    thread:set("thread_id", #threads + 1)
    table.insert(threads, thread)
end

function init(args)
    math.randomseed(os.time() * 100 + (thread_id or 0))
end

local function device()
    return string.format("k%05d", math.random(1, devices))
end

local function post_heartbeat(id)
    return wrk.format("POST", "/v1/device/heartbeat",
        { ["Content-Type"] = "application/json", ["X-Bench-Device"] = id }, heartbeat)
end

local function get(path, id)
    return wrk.format("GET", path, { ["X-Bench-Device"] = id })
end

local storm_steps = { "/v1/device/snapshot", "/v1/device/changes?cursor=", "/v1/device/config", "heartbeat" }

function request()
    counter = counter + 1
    local id = device()
    if mix == "fleet" and counter % 6 == 0 then
        return get("/v1/device/changes?cursor=" .. cursor, id)
    elseif mix == "storm" then
        local step = storm_steps[(counter % #storm_steps) + 1]
        if step == "heartbeat" then return post_heartbeat(id) end
        if step == "/v1/device/changes?cursor=" then return get(step .. cursor, id) end
        return get(step, id)
    end
    return post_heartbeat(id)
end

if delay_ms > 0 then
    function delay()
        -- ±20 % around the mean, as the kiosks' jittered intervals
        return math.floor(delay_ms * (0.8 + 0.4 * math.random()))
    end
end
