-- bcrypt-bound: every request verifies one password hash.
local common = dofile("bench/lua/common.lua")
setup, done = common.setup, common.done
local users
local password = os.getenv("BENCH_PASSWORD") or "raven-seed-password"
function init() common.init(); users = common.load("users.tsv") end
function request()
  local body = string.format('{"username":"%s","password":"%s"}', common.pick(users)[3], password)
  return common.send("POST", "/api/auth/obtain_token/", nil, body)
end
