local counter = 0
local key = "bench0000000000000000000000000001"
request = function()
  counter = counter + 1
  local d = math.random(100)
  local body
  if d <= 70 then
    body = '{"routing_key":"'..key..'","event_action":"trigger","dedup_key":"open-'..math.random(1000)..'","payload":{"summary":"High error rate","source":"bench","severity":"critical","custom_details":{"error_rate":"7.3%"}}}'
  elseif d <= 90 then
    body = '{"routing_key":"'..key..'","event_action":"trigger","dedup_key":"new-'..math.random(1000000000)..'","payload":{"summary":"High error rate","source":"bench","severity":"critical"}}'
  else
    body = '{"routing_key":"'..key..'","event_action":"resolve","dedup_key":"open-'..math.random(1000)..'"}'
  end
  return wrk.format("POST", "/v2/enqueue", {["Content-Type"]="application/json"}, body)
end
