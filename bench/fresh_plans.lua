-- wrk: every POST /api/v1/plans a new request. Each connection's thread has its own
-- seed range (no two requests share a seed, so none is a memo hit), and the text,
-- minutes, setting and tools vary from request to request.
local texts = {
  "neck and shoulders tight from the desk", "sore lower back after gardening",
  "calves sore after my run", "jaw tight from clenching my teeth", "can't sleep, mind racing",
  "tension headache behind my eyes", "tired feet after standing all day",
  "upper back stiff between the shoulder blades", "anxious and overwhelmed, need to calm down",
  "tight hips from sitting", "forearms sore from typing", "stiff neck when I turn my head",
  "bit bloated after lunch", "shoulders up by my ears from stress",
}
local extras = {
  "", ", it has been a long week", " since yesterday", ", no numbness", " after a long drive",
  ", mild", " and I feel tired", " this morning", ", worse in the evening", " again",
}
local settings = { "anywhere", "desk", "bed", "floor", "sofa" }
local tools = { "[]", "[\"tennis_ball\"]", "[\"foam_roller\"]", "[\"wall\", \"chair\"]",
                "[\"massage_ball\", \"foam_roller\"]" }
local counter = 0
local threads = 0

function setup(thread)
  thread:set("first_seed", threads * 100000000)
  threads = threads + 1
end

function init(args)
  counter = first_seed
  math.randomseed(first_seed + 17)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local body = string.format(
    "{\"text\": \"%s%s\", \"minutes\": %d, \"setting\": \"%s\", \"tools\": %s, \"seed\": %d}",
    texts[math.random(#texts)], extras[math.random(#extras)], math.random(1, 60),
    settings[math.random(#settings)], tools[math.random(#tools)], counter)
  return wrk.format(nil, nil, nil, body)
end
