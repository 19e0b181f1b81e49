local common = dofile("bench/lua/common.lua")
setup, done = common.setup, common.done
local users
local n = 0
function init() common.init(); users = common.load("users.tsv") end
function request()
  n = n + 1
  local body = string.format('{"content":"benchmark tweet %d from thread %d"}', n, thread_id or 0)
  return common.send("POST", "/api/tweets/tweets_list/", common.pick(users)[4], body)
end
