-- wrk script for Vigil's HTTP load test (run by benchmarks/load/run; see docs/performance.md).
--
--   wrk -t2 -c32 -d30s --latency -s order-sign.lua URL -- body=FILE [rate=N threads=T] [label=NAME]
--
-- POSTs FILE (a CDS Hooks order-sign request) as application/json to URL on every request.
-- rate=N paces the run at about N requests/s in total over T threads: plain wrk has no fixed-rate
-- mode (wrk2's -R), so each thread hands out send slots every T/N seconds from wrk's delay() hook.
-- This is still closed-loop: a connection waiting for a slow answer sends nothing, so queueing
-- delay is under-reported (coordinated omission) compared with wrk2. Check the achieved rate in
-- the output. done() prints the status of every answer that was not 200 and one SUMMARY line.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } vigil_timespec;
  int clock_gettime(int clock_id, vigil_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local ts = ffi.new("vigil_timespec")
local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local function read_file(path)
  local f = assert(io.open(path, "rb"), "cannot read body file " .. tostring(path))
  local content = f:read("*a")
  f:close()
  return content
end

local threads = {}

-- runs in the main Lua state, once per thread: keep them to collect their counters in done()
function setup(thread)
  table.insert(threads, thread)
end

-- per-thread state (every thread has its own Lua state); the counters are globals so that
-- thread:get() can read them in done()
statuses = {}
non200 = 0
local interval_ms = nil
local next_slot = nil

function init(args)
  local options = {}
  for _, arg in ipairs(args) do
    local key, value = arg:match("^([%w_]+)=(.*)$")
    if key then options[key] = value end
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
  wrk.body = read_file(assert(options.body, "pass body=FILE after --"))
  local rate = tonumber(options.rate or "")
  if rate and rate > 0 then
    interval_ms = tonumber(options.threads or "1") / rate * 1000
  end
end

-- called before every request when defined: a thread-wide schedule of send slots, so the answer
-- time of one connection does not lower the rate (a late slot is sent at once, catching up)
function delay()
  if not interval_ms then
    return 0
  end
  local now = now_ms()
  if not next_slot then
    next_slot = now
  end
  local slot = next_slot
  next_slot = next_slot + interval_ms
  local wait = slot - now
  if wait < 0 then
    return 0
  end
  return wait
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

-- runs in the main Lua state after the run; thread:get() copies each thread's counters out
function done(summary, latency, requests)
  local total_non200 = 0
  local by_status = {}
  for _, thread in ipairs(threads) do
    total_non200 = total_non200 + (thread:get("non200") or 0)
    local counted = thread:get("statuses")
    if type(counted) == "table" then
      for status, count in pairs(counted) do
        by_status[status] = (by_status[status] or 0) + count
      end
    end
  end
  for status, count in pairs(by_status) do
    io.write(string.format("non-200 answers with status %s: %d\n", tostring(status), count))
  end
  local errors = summary.errors
  local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "SUMMARY requests=%d seconds=%.2f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f non200=%d socket_errors=%d timeouts=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000,
    total_non200, socket_errors, errors.timeout))
end
