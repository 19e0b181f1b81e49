-- Shared by every scenario: loads the seeded fixtures, picks random ones, and
-- prints one machine-readable result line when the run ends.
--
-- Fixture files (written by `raven.jar seed --fixtures DIR`), one record per line,
-- tab-separated: users.tsv (user_id, profile_id, username, access_token),
-- timeline_users.tsv (same columns, users following 50-500 accounts),
-- tweets.tsv (tweet_id of a public tweet).

local common = {}

local fixtures = os.getenv("BENCH_FIXTURES") or "bench/work/fixtures"

local function split(line)
  local fields = {}
  for field in string.gmatch(line, "[^\t]+") do
    fields[#fields + 1] = field
  end
  return fields
end

function common.load(name)
  local rows = {}
  local file = assert(io.open(fixtures .. "/" .. name, "r"), "missing fixture " .. name)
  for line in file:lines() do
    if #line > 0 then
      rows[#rows + 1] = split(line)
    end
  end
  file:close()
  assert(#rows > 0, "empty fixture " .. name)
  return rows
end

function common.pick(rows)
  return rows[math.random(#rows)]
end

local counter = 0
function common.setup(thread)
  counter = counter + 1
  thread:set("thread_id", counter)
end

function common.init()
  math.randomseed(os.time() * 1000 + (thread_id or 0))
end

function common.get(path, token)
  return wrk.format("GET", path, { ["Authorization"] = "JWT " .. token })
end

function common.send(method, path, token, body)
  local headers = { ["Content-Type"] = "application/json" }
  if token then
    headers["Authorization"] = "JWT " .. token
  end
  return wrk.format(method, path, headers, body)
end

-- One JSON line the runner greps for: throughput, latency percentiles (ms), errors.
function common.done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.2f,"p99_ms":%.2f,' ..
    '"max_ms":%.2f,"non2xx":%d,"socket_errors":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end

return common
