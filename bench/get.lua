-- wrk script: GET /{org}/{app}/instances/{partyId}/{guid} for random ids read from a file.
-- Env: BENCH_IDS (file, one "partyId/guid" per line), BENCH_APP (default ttd/example-app).
-- The Authorization header is passed on the wrk command line (-H).
local ids = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end

function init(args)
  local file = os.getenv("BENCH_IDS") or "ids.txt"
  local app = os.getenv("BENCH_APP") or "ttd/example-app"
  for line in io.lines(file) do
    if line ~= "" then
      ids[#ids + 1] = "/" .. app .. "/instances/" .. line
    end
  end
  if #ids == 0 then
    error("no ids in " .. file)
  end
  math.randomseed(os.time() * 100 + (tid or 0))
end

function request()
  return wrk.format("GET", ids[math.random(#ids)])
end
