-- wrk script: every request as a different person (a random line of the tokens file), the body
-- checked for GraphQL errors, the SQL statement count header summed, latency percentiles reported.
-- Mode "page": a GET of the portal's page on each line (<Cookie header>\t<path>), as that person;
-- the time the portal waited for the API (its Server-Timing header) summed.
-- args: <tokens file> <mode: overview|client|inbox|mix|page> [mean think time ms between requests per connection]
local tokens = {}
local mode = "overview"
local pause = 0
local threads = {}

local overview = [[{"query":"__OVERVIEW__"}]]
local client = [[{"query":"__CLIENT__","variables":{"id":"%s"}}]]
local inbox = [[{"query":"__INBOX__"}]]
local send = [[{"query":"__SEND__","variables":{"input":{"clientId":"%s","body":"Hej! Kan ni ringa mig i eftermiddag?","idempotencyKey":"bench-%d-%d"}}}]]

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  mode = args[2] or "overview"
  pause = tonumber(args[3] or "0")
  for line in io.lines(args[1]) do
    local token, clientId, sendId = line:match("([^\t]+)\t([^\t]*)\t?([^\t]*)")
    table.insert(tokens, { token = token, client = clientId, send = sendId })
  end
  errors = 0
  statements = 0
  counted = 0
  apiMs = 0
  timed = 0
  serial = 0
  math.randomseed(os.time() + id * 7919)
end

-- Exponential, as independent people pausing between pages: no lockstep between connections, the
-- first requests included (wrk asks for a delay before each connection's first request too).
function delay()
  return math.floor(-pause * math.log(1 - math.random()) + 0.5)
end

function request()
  local t = tokens[math.random(#tokens)]
  local body
  serial = serial + 1
  if mode == "page" then
    return wrk.format("GET", t.client, { ["Cookie"] = t.token, ["Accept"] = "text/html" })
  end
  if mode == "overview" then
    body = overview
  elseif mode == "client" then
    body = string.format(client, t.client)
  elseif mode == "inbox" then
    body = inbox
  elseif math.random(10) == 1 and t.send ~= "" then
    body = string.format(send, t.send, id, serial * 1000 + math.random(999))
  else
    body = overview
  end
  return wrk.format("POST", "/graphql", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. t.token,
  }, body)
end

function response(status, headers, body)
  if mode == "page" then
    -- A whole page, not a redirect to the start page or the error page.
    if status ~= 200 or not body:find("</html>", 1, true) then
      errors = errors + 1
    end
    local timing = headers["server-timing"]
    if timing then
      apiMs = apiMs + tonumber(timing:match("api;dur=([%d%.]+)"))
      timed = timed + 1
    end
    return
  end
  if status ~= 200 or body:find('"errors"', 1, true) or body:find('"error":{', 1, true) then
    errors = errors + 1
  end
  local n = headers["x-sql-statements"]
  if n then
    statements = statements + tonumber(n)
    counted = counted + 1
  end
end

function done(summary, latency, requests)
  local e, s, c, a, n = 0, 0, 0, 0, 0
  for _, t in ipairs(threads) do
    e = e + t:get("errors")
    s = s + t:get("statements")
    c = c + t:get("counted")
    a = a + t:get("apiMs")
    n = n + t:get("timed")
  end
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"durationUs":%d,"errors":%d,"socketErrors":%d,"p50Us":%d,"p90Us":%d,"p99Us":%d,"p999Us":%d,"maxUs":%d,"statements":%d,"counted":%d,"meanUs":%.1f,"apiMs":%.3f,"timed":%d,"curve":[',
    summary.requests, summary.duration, e,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max, s, c, latency.mean, a, n))
  local points = { 1, 5, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9 }
  for i, p in ipairs(points) do
    io.write(string.format('%s[%s,%d]', i > 1 and "," or "", p, latency:percentile(p)))
  end
  io.write("]}\n")
end
