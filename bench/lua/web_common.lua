-- Web scenarios: GET pages as a signed-in browser. web_users.tsv (written by run.sh by
-- logging in through the form): user_id, session cookie token, for users following
-- 50-500 accounts.
local common = dofile("bench/lua/common.lua")

function common.page(path, cookie)
  return wrk.format("GET", path, { ["Cookie"] = "raven_session=" .. cookie, ["Accept-Encoding"] = "gzip" })
end

return common
