/// The roster, cross-check and ledger paths (DOMAIN.md rule 5), with their schemas.
extension OpenAPIDocument {
    static let crosscheckFragment = #"""
    {
      "paths": {
        "/api/v1/roster/import": {
          "post": {
            "summary": "Import the household-registration roster of school-age children (姓名, 身份证件号, 户籍地区划代码, 监护人姓名, 监护人电话); county roles",
            "operationId": "importRoster",
            "parameters": [{"$ref": "#/components/parameters/encoding"}, {"$ref": "#/components/parameters/lang"}],
            "requestBody": {
              "required": true,
              "content": {"text/csv": {"schema": {"type": "string", "minLength": 1, "example": "姓名,身份证件号,户籍地区划代码,监护人姓名,监护人电话\r\n张三,510123201503010018,510123101201,张大山,13812345678\r\n"}}}
            },
            "responses": {
              "200": {"description": "import report; rows upserted by ID number", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportOutcome"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "405": {"$ref": "#/components/responses/Error"},
              "413": {"$ref": "#/components/responses/Error"},
              "503": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/crosscheck/run": {
          "post": {
            "summary": "Run the cross-check (四查三比对): fill the suspected-dropout ledger, raise rule-5 alerts; county roles",
            "operationId": "runCrosscheck",
            "parameters": [{"$ref": "#/components/parameters/lang"}],
            "responses": {
              "200": {"description": "what the run found and changed", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CrosscheckReport"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "405": {"$ref": "#/components/responses/Error"},
              "503": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/crosscheck": {
          "get": {
            "summary": "Suspected dropouts within the caller's scope, registered-poor children first (masked)",
            "operationId": "listSuspects",
            "parameters": [
              {"name": "township", "in": "query", "schema": {"type": "string", "pattern": "^([0-9]{6}|[0-9]{9})?$", "description": "9-digit township, or the 6-digit county code for county-level suspects; empty means any"}},
              {"name": "school", "in": "query", "schema": {"type": "string", "pattern": "^([0-9]{10})?$", "description": "10-digit school code; empty means any"}},
              {"name": "reason", "in": "query", "schema": {"$ref": "#/components/schemas/CrosscheckReason"}},
              {"name": "state", "in": "query", "schema": {"type": "string", "enum": ["open", "verified", "closed"], "default": "open"}},
              {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}},
              {"$ref": "#/components/parameters/lang"}
            ],
            "responses": {
              "200": {"description": "suspects", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Suspect"}}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "405": {"$ref": "#/components/responses/Error"},
              "503": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/crosscheck/{id}/verify": {
          "post": {
            "summary": "Record what checking on a suspect found; confirmed opens a case (county roles, or township staff of the suspect's township)",
            "operationId": "verifySuspect",
            "parameters": [
              {"name": "id", "in": "path", "required": true, "description": "the suspect's id, as the list shows it", "schema": {"type": "integer", "minimum": 1, "maximum": 9007199254740991}},
              {"$ref": "#/components/parameters/lang"}
            ],
            "requestBody": {
              "required": true,
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VerificationForm"}}}
            },
            "responses": {
              "200": {"description": "the suspect, verified", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Suspect"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"},
              "405": {"$ref": "#/components/responses/Error"},
              "413": {"$ref": "#/components/responses/Error"},
              "422": {"$ref": "#/components/responses/Error"},
              "503": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/ledger/{kind}.csv": {
          "get": {
            "summary": "A ledger (适龄儿童 school-age, 疑似辍学 suspect, 辍学 dropout) as CSV for Excel: UTF-8 with BOM, CRLF, Chinese headers, ID numbers and phones masked",
            "operationId": "exportLedger",
            "parameters": [
              {"name": "kind", "in": "path", "required": true, "schema": {"type": "string", "enum": ["school-age", "suspect", "dropout"]}},
              {"name": "township", "in": "query", "schema": {"type": "string", "pattern": "^([0-9]{6}|[0-9]{9})?$", "description": "9-digit township, or the 6-digit county code; empty means any"}},
              {"name": "school", "in": "query", "schema": {"type": "string", "pattern": "^([0-9]{10})?$", "description": "10-digit school code; empty means any"}},
              {"$ref": "#/components/parameters/lang"}
            ],
            "responses": {
              "200": {"description": "the ledger", "content": {"text/csv": {"schema": {"type": "string"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"},
              "405": {"$ref": "#/components/responses/Error"},
              "503": {"$ref": "#/components/responses/Error"}
            }
          }
        }
      },
      "schemas": {
        "CrosscheckReason": {"type": "string", "enum": ["rosterNotEnrolled", "enrolledNotInClass", "poorDropout"]},
        "SuspectCategory": {
          "type": "string",
          "enum": ["enrolledHere", "enrolledElsewhere", "studyingWithoutRecordInProvince", "studyingWithoutRecordOutsideProvince", "overAge", "abroad", "deceased", "registerEmpty", "registerDuplicate", "registerWrongIdentity", "registerNoSuchPerson", "illnessOrDisability", "movedUnreachable", "confirmed"]
        },
        "VerificationForm": {
          "type": "object",
          "required": ["category"],
          "additionalProperties": false,
          "properties": {
            "category": {"$ref": "#/components/schemas/SuspectCategory"},
            "proof": {"type": "string", "maxLength": 200, "description": "the document that shows it; required for enrolledHere, enrolledElsewhere, abroad, deceased (422 crosscheck.proofRequired)"},
            "note": {"type": "string", "maxLength": 500}
          }
        },
        "Suspect": {
          "type": "object",
          "required": ["id", "state", "reasons", "studentName", "student", "township", "registeredPoor", "firstFound", "lastFound"],
          "properties": {
            "id": {"type": "integer"},
            "state": {"type": "string", "enum": ["open", "verified", "closed"]},
            "reasons": {"type": "array", "items": {"$ref": "#/components/schemas/CrosscheckReason"}},
            "category": {"$ref": "#/components/schemas/SuspectCategory"},
            "studentName": {"type": "string"},
            "idNumber": {"type": "string", "description": "masked, 510123********123X"},
            "student": {"type": "string", "description": "masked student number"},
            "township": {"type": "string", "description": "9-digit township, or the 6-digit county code when the household is registered at county level"},
            "school": {"type": "string"},
            "schoolName": {"type": "string"},
            "registeredPoor": {"type": "boolean"},
            "householdRegion": {"type": "string"},
            "birthDate": {"type": "string", "format": "date"},
            "status": {"$ref": "#/components/schemas/Status"},
            "absentDays": {"type": "integer"},
            "guardianName": {"type": "string"},
            "guardianPhone": {"type": "string", "description": "masked, 138****5678"},
            "firstFound": {"type": "string", "format": "date"},
            "lastFound": {"type": "string", "format": "date"},
            "verifiedBy": {"type": "string"},
            "verifiedOn": {"type": "string", "format": "date"},
            "proof": {"type": "string"},
            "note": {"type": "string"},
            "caseID": {"type": "integer"},
            "closedOn": {"type": "string", "format": "date"},
            "closure": {"type": "string"}
          }
        },
        "CrosscheckReport": {
          "type": "object",
          "required": ["today", "bornFrom", "bornTo", "rosterChildren", "schoolAge", "byReason", "opened", "reopened", "stillOpen", "closed", "verifiedKept", "open", "openRegisteredPoor", "milliseconds"],
          "properties": {
            "today": {"type": "string", "format": "date"},
            "bornFrom": {"type": "string", "format": "date"},
            "bornTo": {"type": "string", "format": "date"},
            "rosterChildren": {"type": "integer"},
            "schoolAge": {"type": "integer"},
            "byReason": {"type": "object", "required": ["rosterNotEnrolled", "enrolledNotInClass", "poorDropout"], "properties": {"rosterNotEnrolled": {"type": "integer"}, "enrolledNotInClass": {"type": "integer"}, "poorDropout": {"type": "integer"}}},
            "opened": {"type": "integer"},
            "reopened": {"type": "integer"},
            "stillOpen": {"type": "integer"},
            "closed": {"type": "integer"},
            "verifiedKept": {"type": "integer"},
            "open": {"type": "integer"},
            "openRegisteredPoor": {"type": "integer"},
            "milliseconds": {"type": "number"}
          }
        }
      }
    }
    """#
}
