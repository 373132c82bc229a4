# Hand-written JSON (lib/common/json_writer): string escapes and numbers, and the mentions and
# events JSON Lines written with them, checked byte for byte against nlohmann::json's dump().
actorgraph_unit_test(json_writer SOURCES test_json_writer.cpp DEPS actorgraph_events nlohmann_json::nlohmann_json)
