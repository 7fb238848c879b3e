/// Responsibility documents (目标责任书), their scores, and the monthly ledger report. Every limit
/// the gateway or the monitor checks is stated, so a schema-valid request is refused only by a
/// business rule (422: unknown township or school, a year or signing date out of range, a
/// document already recorded without `replace`, a month not yet begun), never with 400.
extension OpenAPIDocument {
    static let targetsFragment = #"""
    {
      "paths": {
        "/api/v1/targets": {
          "get": {
            "summary": "Current responsibility documents (目标责任书) within the caller's scope: a township's and its schools' for township staff, a school's for school staff",
            "operationId": "listTargets",
            "parameters": [
              {"name": "year", "in": "query", "schema": {"type": "integer", "minimum": 2000, "maximum": 2100}},
              {"name": "township", "in": "query", "schema": {"type": "string", "pattern": "^([0-9]{9})?$", "description": "9-digit township code: its document and its schools'; empty means any"}},
              {"name": "school", "in": "query", "schema": {"type": "string", "pattern": "^([0-9]{10})?$", "description": "10-digit school code; empty means any"}},
              {"$ref": "#/components/parameters/lang"}
            ],
            "responses": {
              "200": {"description": "documents, newest year first, each township before its schools", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/TargetDocument"}}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "405": {"$ref": "#/components/responses/Error"},
              "503": {"$ref": "#/components/responses/Error"}
            }
          },
          "post": {
            "summary": "Record a signed responsibility document for a township (with the county government) or a school (with the education bureau); county roles only",
            "operationId": "addTarget",
            "parameters": [{"$ref": "#/components/parameters/lang"}],
            "requestBody": {
              "required": true,
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TargetForm"}}}
            },
            "responses": {
              "201": {"description": "the recorded document", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TargetDocument"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "405": {"$ref": "#/components/responses/Error"},
              "413": {"$ref": "#/components/responses/Error"},
              "422": {"$ref": "#/components/responses/Error"},
              "503": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/targets/score": {
          "get": {
            "summary": "Each township and school against its targets for the year, from live data, with the scope's own figures",
            "operationId": "scoreTargets",
            "parameters": [
              {"name": "year", "in": "query", "required": true, "schema": {"type": "integer", "minimum": 2000, "maximum": 2100}},
              {"name": "township", "in": "query", "schema": {"type": "string", "pattern": "^([0-9]{9})?$", "description": "9-digit township code; empty means any"}},
              {"name": "school", "in": "query", "schema": {"type": "string", "pattern": "^([0-9]{10})?$", "description": "10-digit school code; empty means any"}},
              {"$ref": "#/components/parameters/lang"}
            ],
            "responses": {
              "200": {"description": "the year's scores", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TargetScoreSheet"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "405": {"$ref": "#/components/responses/Error"},
              "503": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/ledger/report": {
          "get": {
            "summary": "The monthly dropout ledger report (台账月报): cases opened, returned, closed and still open by township and by cause, and dropouts on the register at the month's end",
            "operationId": "ledgerReport",
            "parameters": [
              {"name": "month", "in": "query", "required": true, "description": "YYYY-MM, county time (UTC+8); a month not yet begun is 422 report.futureMonth", "schema": {"type": "string", "pattern": "^(20[0-9]{2}|2100)-(0[1-9]|1[0-2])$"}},
              {"name": "township", "in": "query", "schema": {"type": "string", "pattern": "^([0-9]{9})?$", "description": "9-digit township code; empty means the whole scope"}},
              {"$ref": "#/components/parameters/lang"}
            ],
            "responses": {
              "200": {"description": "the month's report", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LedgerReport"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "405": {"$ref": "#/components/responses/Error"},
              "422": {"$ref": "#/components/responses/Error"},
              "503": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/ledger/report.csv": {
          "get": {
            "summary": "The monthly ledger report as a CSV file for Excel (UTF-8 with BOM, CRLF, Chinese headers): the total, a row per township, a row per cause",
            "operationId": "ledgerReportCSV",
            "parameters": [
              {"name": "month", "in": "query", "required": true, "description": "YYYY-MM, county time (UTC+8); a month not yet begun is 422 report.futureMonth", "schema": {"type": "string", "pattern": "^(20[0-9]{2}|2100)-(0[1-9]|1[0-2])$"}},
              {"name": "township", "in": "query", "schema": {"type": "string", "pattern": "^([0-9]{9})?$", "description": "9-digit township code; empty means the whole scope"}},
              {"$ref": "#/components/parameters/lang"}
            ],
            "responses": {
              "200": {"description": "the month's report, 台账月报-YYYY-MM.csv", "content": {"text/csv": {"schema": {"type": "string"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "405": {"$ref": "#/components/responses/Error"},
              "422": {"$ref": "#/components/responses/Error"},
              "503": {"$ref": "#/components/responses/Error"}
            }
          }
        }
      },
      "schemas": {
        "TargetForm": {
          "type": "object",
          "description": "exactly one of township and school; at least one target",
          "required": ["year", "signedBy", "signedOn"],
          "additionalProperties": false,
          "properties": {
            "year": {"type": "integer", "minimum": 2000, "maximum": 2100},
            "township": {"type": "string", "pattern": "^[0-9]{9}$", "description": "a township that signed with the county government"},
            "school": {"type": "string", "pattern": "^[0-9]{10}$", "description": "a school that signed with the education bureau"},
            "maxDropouts": {"type": "integer", "minimum": 0, "maximum": 100000, "description": "at most this many children dropped out on the register at the year's end"},
            "minEnrolmentRate": {"type": "number", "minimum": 0, "maximum": 100, "description": "at least this in-school rate, percent: (enrolled + suspended) ÷ (enrolled + suspended + transferred out + dropped out)"},
            "maxOpenCases": {"type": "integer", "minimum": 0, "maximum": 100000, "description": "at most this many cases open at the year's end"},
            "signedBy": {"type": "array", "minItems": 2, "maxItems": 10, "description": "the county side first, then the township's or school's", "items": {"type": "string", "minLength": 1, "maxLength": 50}},
            "signedOn": {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
            "replace": {"type": "boolean", "description": "supersede the party's current document for the year"},
            "note": {"type": "string", "maxLength": 500}
          },
          "allOf": [
            {"oneOf": [{"required": ["township"]}, {"required": ["school"]}]},
            {"anyOf": [{"required": ["maxDropouts"]}, {"required": ["minEnrolmentRate"]}, {"required": ["maxOpenCases"]}]}
          ]
        },
        "TargetDocument": {
          "type": "object",
          "required": ["id", "year", "partyKind", "party", "township", "signedBy", "signedOn", "recordedBy", "recordedAt"],
          "properties": {
            "id": {"type": "integer"},
            "year": {"type": "integer"},
            "partyKind": {"type": "string", "enum": ["township", "school"]},
            "party": {"type": "string"},
            "township": {"type": "string"},
            "partyName": {"type": "string"},
            "maxDropouts": {"type": "integer"},
            "minEnrolmentRate": {"type": "number"},
            "maxOpenCases": {"type": "integer"},
            "signedBy": {"type": "array", "items": {"type": "string"}},
            "signedOn": {"type": "string", "format": "date"},
            "note": {"type": "string"},
            "recordedBy": {"type": "string"},
            "recordedAt": {"type": "string"},
            "replaces": {"type": "integer"}
          }
        },
        "TargetFigures": {
          "type": "object",
          "required": ["shouldAttend", "enrolled", "suspended", "transferredOut", "droppedOut", "casesOpened", "casesReturned", "casesClosed", "openCases"],
          "properties": {
            "shouldAttend": {"type": "integer", "description": "children on the register who should be in school: enrolled, suspended, transferred out, dropped out"},
            "enrolled": {"type": "integer"},
            "suspended": {"type": "integer"},
            "transferredOut": {"type": "integer"},
            "droppedOut": {"type": "integer"},
            "enrolmentRate": {"type": "number", "description": "percent, rounded down to 2 decimals; absent when no child should attend"},
            "casesOpened": {"type": "integer"},
            "casesReturned": {"type": "integer"},
            "casesClosed": {"type": "integer"},
            "openCases": {"type": "integer"}
          }
        },
        "TargetScore": {
          "type": "object",
          "required": ["document", "figures", "results"],
          "properties": {
            "document": {"$ref": "#/components/schemas/TargetDocument"},
            "figures": {"$ref": "#/components/schemas/TargetFigures"},
            "results": {"type": "array", "items": {
              "type": "object",
              "required": ["kind", "target"],
              "properties": {
                "kind": {"type": "string", "enum": ["maxDropouts", "minEnrolmentRate", "maxOpenCases"]},
                "target": {"type": "number"},
                "actual": {"type": "number"},
                "met": {"type": "boolean", "description": "absent when it cannot be assessed (a rate over no children)"}
              }
            }},
            "met": {"type": "boolean", "description": "every target met; absent when none could be assessed"}
          }
        },
        "TargetScoreSheet": {
          "type": "object",
          "required": ["year", "asOf", "complete", "scores", "total"],
          "properties": {
            "year": {"type": "integer"},
            "asOf": {"type": "string", "format": "date"},
            "complete": {"type": "boolean", "description": "the year is over: the figures are final"},
            "township": {"type": "string"},
            "school": {"type": "string"},
            "scores": {"type": "array", "items": {"$ref": "#/components/schemas/TargetScore"}},
            "total": {"$ref": "#/components/schemas/TargetFigures"}
          }
        },
        "LedgerCounts": {
          "type": "object",
          "required": ["openAtStart", "opened", "returned", "closed", "openAtEnd"],
          "description": "openAtStart + opened - returned - closed = openAtEnd",
          "properties": {
            "openAtStart": {"type": "integer"},
            "opened": {"type": "integer"},
            "returned": {"type": "integer"},
            "closed": {"type": "integer"},
            "openAtEnd": {"type": "integer"}
          }
        },
        "LedgerReport": {
          "type": "object",
          "required": ["month", "from", "to", "asOf", "complete", "total", "dropoutsOnRegister", "byTownship", "byCause"],
          "properties": {
            "month": {"type": "string"},
            "from": {"type": "string", "format": "date"},
            "to": {"type": "string", "format": "date"},
            "asOf": {"type": "string", "format": "date"},
            "complete": {"type": "boolean"},
            "township": {"type": "string"},
            "school": {"type": "string"},
            "total": {"$ref": "#/components/schemas/LedgerCounts"},
            "dropoutsOnRegister": {"type": "integer"},
            "byTownship": {"type": "array", "items": {
              "type": "object",
              "required": ["township", "counts", "dropoutsOnRegister"],
              "properties": {"township": {"type": "string"}, "townshipName": {"type": "string"}, "counts": {"$ref": "#/components/schemas/LedgerCounts"}, "dropoutsOnRegister": {"type": "integer"}}
            }},
            "byCause": {"type": "array", "items": {
              "type": "object",
              "required": ["counts"],
              "properties": {
                "cause": {"type": "string", "enum": ["weariness", "learningDifficulty", "poverty", "disability", "illness", "work", "earlyMarriage", "familyCrisis", "other"], "description": "absent: no cause recorded yet"},
                "counts": {"$ref": "#/components/schemas/LedgerCounts"}
              }
            }}
          }
        }
      }
    }
    """#
}
