//! The JSON Schemas committed in `docs/schema/` are the ones the types
//! generate (run `cargo run --features schema -- schema --out docs/schema`
//! after changing the model). `scripts/validate-schemas.py` checks registry
//! files against them with an independent validator.
#![cfg(feature = "schema")]
#![allow(clippy::unwrap_used)]

#[test]
fn committed_schemas_are_current() {
    for (kind, generated) in quanze::schema::all() {
        let path = format!("docs/schema/{kind}.schema.json");
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{path} is stale: run `cargo run --features schema -- schema --out docs/schema`"
        );
    }
}

#[test]
fn file_schemas_forbid_unknown_keys_and_nulls() {
    for (kind, text) in quanze::schema::all() {
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        if kind == "catalogue" {
            // Output JSON: consumers may meet keys added later; nulls occur.
            assert_eq!(v["properties"]["format"]["type"], "string");
            continue;
        }
        assert_eq!(
            v["additionalProperties"],
            serde_json::Value::Bool(false),
            "{kind}"
        );
        assert!(!text.contains("\"null\""), "{kind}: TOML has no null");
    }
}
