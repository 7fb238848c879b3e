import Foundation

/// The gateway's OpenAPI 3.1 document, served at `/openapi.json`. Kept beside the routes it
/// describes; a test checks that every route is in it and every path in it is routed.
///
/// The registry's and the gateway's own paths are in ``base``; each other service's routes bring
/// their paths and schemas as a fragment (`OpenAPIDocument+Monitor.swift`, …), merged here once.
enum OpenAPIDocument {
    /// Every fragment, merged into ``base`` in this order.
    static let fragments: [String] = [monitorFragment, targetsFragment, deliveriesFragment, crosscheckFragment]

    /// The whole document as served, with sorted keys so it is stable byte for byte.
    static let json: String = {
        guard var document = try? JSONSerialization.jsonObject(with: Data(base.utf8)) as? [String: Any] else {
            fatalError("OpenAPIDocument.base is not JSON")
        }
        for fragment in fragments {
            guard let parsed = try? JSONSerialization.jsonObject(with: Data(fragment.utf8)) as? [String: Any] else {
                fatalError("an OpenAPI fragment is not JSON: \(fragment.prefix(80))")
            }
            var paths = document["paths"] as? [String: Any] ?? [:]
            paths.merge(parsed["paths"] as? [String: Any] ?? [:]) { first, _ in first }
            document["paths"] = paths
            var components = document["components"] as? [String: Any] ?? [:]
            var schemas = components["schemas"] as? [String: Any] ?? [:]
            schemas.merge(parsed["schemas"] as? [String: Any] ?? [:]) { first, _ in first }
            components["schemas"] = schemas
            document["components"] = components
        }
        guard let data = try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            fatalError("OpenAPIDocument cannot be serialised")
        }
        return String(decoding: data, as: UTF8.self)
    }()

    /// The registry's and the gateway's own paths, the shared parameters, responses and schemas.
    static let base = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Baoxue (保学) gateway API",
        "version": "1.0.0",
        "description": "County platform for keeping every child in school. JSON under /api/v1, which needs Authorization: Bearer <token> (401 without a valid one; 403 outside the caller's township or school). Lists mask ID numbers, student numbers and phones; viewers see masked values everywhere. Errors are {\"error\": {\"code\", \"message\", \"problems\"}} with a stable code. Chinese messages by default; English with ?lang=en or Accept-Language: en."
      },
      "security": [{"bearer": []}],
      "paths": {
        "/healthz": {
          "get": {
            "summary": "Health of the gateway and the services",
            "operationId": "health",
            "security": [],
            "responses": {
              "200": {"description": "all services answer", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}},
              "503": {"description": "a service does not answer", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}}
            }
          }
        },
        "/openapi.json": {
          "get": {
            "summary": "This document",
            "operationId": "openapi",
            "security": [],
            "responses": {
              "200": {"description": "OpenAPI document", "content": {"application/json": {"schema": {"type": "object"}}}}
            }
          }
        },
        "/metrics": {
          "get": {
            "summary": "Prometheus metrics",
            "operationId": "metrics",
            "security": [],
            "responses": {
              "200": {"description": "text exposition format", "content": {"text/plain": {"schema": {"type": "string"}}}}
            }
          }
        },
        "/api/v1/me": {
          "get": {
            "summary": "Who the token belongs to: user, role, township or school",
            "operationId": "me",
            "parameters": [{"$ref": "#/components/parameters/lang"}],
            "responses": {
              "200": {"description": "the caller", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Actor"}}}},
              "401": {"$ref": "#/components/responses/Error"},
              "400": {"$ref": "#/components/responses/Error"},
              "405": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/audit": {
          "get": {
            "summary": "The audit log, newest first (county admins)",
            "operationId": "listAudit",
            "parameters": [
              {"name": "student", "in": "query", "description": "ID number or student number", "schema": {"type": "string", "maxLength": 100}},
              {"name": "user", "in": "query", "schema": {"type": "string", "maxLength": 100}},
              {"name": "action", "in": "query", "description": "student.read, student.change, students.import, user.add, …", "schema": {"type": "string", "maxLength": 100}},
              {"name": "since", "in": "query", "description": "YYYY-MM-DD (county time) or a UTC instant such as 2026-11-29T08:00:00Z; a date that does not exist is 422 audit.badSince", "schema": {"type": "string", "pattern": "^(19[0-9]{2}|2[01][0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,3})?Z)?$"}},
              {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}},
              {"$ref": "#/components/parameters/lang"}
            ],
            "responses": {
              "200": {"description": "audit entries", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/AuditEntry"}}}}},
              "422": {"$ref": "#/components/responses/Error"},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "405": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/schools/import": {
          "post": {
            "summary": "Import a schools CSV (学校标识码, 学校名称, 学校类型, 乡镇区划代码)",
            "operationId": "importSchools",
            "parameters": [{"$ref": "#/components/parameters/encoding"}, {"$ref": "#/components/parameters/lang"}],
            "requestBody": {
              "required": true,
              "content": {"text/csv": {"schema": {"type": "string", "minLength": 1, "example": "学校标识码,学校名称,学校类型,乡镇区划代码\r\n2510123001,城关镇中心小学,小学,510123101\r\n"}}}
            },
            "responses": {
              "200": {"description": "import report", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportOutcome"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "503": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "413": {"$ref": "#/components/responses/Error"},
              "405": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/students/import": {
          "post": {
            "summary": "Import a students CSV with the national roster's column names",
            "operationId": "importStudents",
            "parameters": [{"$ref": "#/components/parameters/encoding"}, {"$ref": "#/components/parameters/lang"}],
            "requestBody": {
              "required": true,
              "content": {"text/csv": {"schema": {"type": "string", "minLength": 1, "example": "姓名,性别,出生日期,身份证件号,学校标识码,年级\r\n张三,男,2015-03-01,510123201503010018,2510123001,5\r\n"}}}
            },
            "responses": {
              "200": {"description": "import report", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportOutcome"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "503": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "413": {"$ref": "#/components/responses/Error"},
              "405": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/schools": {
          "get": {
            "summary": "List schools",
            "operationId": "listSchools",
            "parameters": [
              {"name": "township", "in": "query", "schema": {"type": "string", "pattern": "^([0-9]{9})?$", "description": "9-digit township code; empty means any"}},
              {"$ref": "#/components/parameters/lang"}
            ],
            "responses": {
              "200": {"description": "schools", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/School"}}}}},
              "503": {"$ref": "#/components/responses/Error"},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "405": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/students": {
          "get": {
            "summary": "List students (ID numbers and phones masked)",
            "operationId": "listStudents",
            "parameters": [
              {"name": "school", "in": "query", "schema": {"type": "string", "pattern": "^([0-9]{10})?$", "description": "10-digit school code; empty means any"}},
              {"name": "township", "in": "query", "schema": {"type": "string", "pattern": "^([0-9]{9})?$", "description": "9-digit township code; empty means any"}},
              {"name": "status", "in": "query", "schema": {"$ref": "#/components/schemas/Status"}},
              {"name": "q", "in": "query", "description": "name, ID number or student number", "schema": {"type": "string", "maxLength": 100}},
              {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 50}},
              {"name": "cursor", "in": "query", "description": "nextCursor of the previous page", "schema": {"type": "string", "pattern": "^[0-9]{0,18}$", "description": "nextCursor of the previous page"}},
              {"$ref": "#/components/parameters/lang"}
            ],
            "responses": {
              "200": {"description": "one page", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StudentPage"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "503": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "405": {"$ref": "#/components/responses/Error"}
            }
          },
          "post": {
            "summary": "Add one student",
            "operationId": "addStudent",
            "parameters": [{"$ref": "#/components/parameters/lang"}],
            "requestBody": {
              "required": true,
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StudentForm"}}}
            },
            "responses": {
              "201": {"description": "the student's full record", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StudentFile"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "409": {"$ref": "#/components/responses/Error"},
              "422": {"$ref": "#/components/responses/Error"},
              "503": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "413": {"$ref": "#/components/responses/Error"},
              "405": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/students/{key}": {
          "get": {
            "summary": "One student's full record and history",
            "operationId": "getStudent",
            "parameters": [{"$ref": "#/components/parameters/key"}, {"$ref": "#/components/parameters/lang"}],
            "responses": {
              "200": {"description": "full record", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StudentFile"}}}},
              "404": {"$ref": "#/components/responses/Error"},
              "503": {"$ref": "#/components/responses/Error"},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "405": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/students/{key}/changes": {
          "post": {
            "summary": "Record a status change (transfer, suspension, dropout, return, …)",
            "operationId": "changeStatus",
            "parameters": [{"$ref": "#/components/parameters/key"}, {"$ref": "#/components/parameters/lang"}],
            "requestBody": {
              "required": true,
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChangeForm"}}}
            },
            "responses": {
              "201": {"description": "the change and the student after it", "content": {"application/json": {"schema": {"type": "object", "required": ["change", "student"], "properties": {"change": {"$ref": "#/components/schemas/StatusChange"}, "student": {"type": "object"}}}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"},
              "409": {"$ref": "#/components/responses/Error"},
              "422": {"$ref": "#/components/responses/Error"},
              "503": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "413": {"$ref": "#/components/responses/Error"},
              "405": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/changes": {
          "get": {
            "summary": "Recent status changes; incomplete=true for those lacking documents",
            "operationId": "listChanges",
            "parameters": [
              {"name": "township", "in": "query", "schema": {"type": "string", "pattern": "^([0-9]{9})?$", "description": "9-digit township code; empty means any"}},
              {"name": "school", "in": "query", "schema": {"type": "string", "pattern": "^([0-9]{10})?$", "description": "10-digit school code; empty means any"}},
              {"name": "incomplete", "in": "query", "schema": {"type": "boolean"}},
              {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000}},
              {"$ref": "#/components/parameters/lang"}
            ],
            "responses": {
              "200": {"description": "changes, newest first", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/StatusChange"}}}}},
              "503": {"$ref": "#/components/responses/Error"},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "405": {"$ref": "#/components/responses/Error"}
            }
          }
        }
      },
      "components": {
        "parameters": {
          "encoding": {
            "name": "encoding",
            "in": "query",
            "description": "file encoding; detected when omitted",
            "schema": {"type": "string", "enum": ["utf-8", "utf8", "gb18030", "gbk", "gb2312"]}
          },
          "lang": {
            "name": "lang",
            "in": "query",
            "description": "en… for English; anything else gives Chinese",
            "schema": {"type": "string", "maxLength": 100}
          },
          "key": {
            "name": "key",
            "in": "path",
            "required": true,
            "description": "ID number (18) or national student number (19)",
            "schema": {"type": "string", "minLength": 1, "maxLength": 100}
          }
        },
        "securitySchemes": {
          "bearer": {
            "type": "http",
            "scheme": "bearer",
            "description": "a token from `baoxue user add` (or data/demo-tokens.env after `baoxue up --demo`)"
          }
        },
        "responses": {
          "Error": {
            "description": "error with a stable code (error.code), a message in the asked language, and the fields at fault (error.problems)",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
          }
        },
        "schemas": {
          "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {
              "error": {"type": "object", "required": ["code", "message"], "properties": {"code": {"type": "string"}, "message": {"type": "string"}, "problems": {"type": "array", "items": {"type": "object", "properties": {"field": {"type": "string"}, "reason": {"type": "string"}}}}}}
            }
          },
          "Status": {
            "type": "string",
            "enum": ["enrolled", "suspended", "transferredOut", "droppedOut", "graduated", "leftCounty", "deceased"]
          },
          "Health": {
            "type": "object",
            "required": ["status", "services"],
            "properties": {
              "status": {"type": "string", "enum": ["ok", "degraded"]},
              "services": {"type": "array", "items": {"type": "object"}}
            }
          },
          "ImportOutcome": {
            "type": "object",
            "required": ["report", "encoding", "ignoredColumns", "rows", "seconds"],
            "properties": {
              "report": {"type": "object", "required": ["imported", "updated", "unchanged", "rejected"], "properties": {"imported": {"type": "integer"}, "updated": {"type": "integer"}, "unchanged": {"type": "integer"}, "rejected": {"type": "array", "items": {"type": "object", "required": ["row", "reason"], "properties": {"row": {"type": "integer"}, "column": {"type": "string"}, "reason": {"type": "string"}}}}}},
              "encoding": {"type": "string"},
              "ignoredColumns": {"type": "array", "items": {"type": "string"}},
              "rows": {"type": "integer"},
              "seconds": {"type": "number"}
            }
          },
          "School": {
            "type": "object",
            "required": ["code", "name", "type", "township"],
            "properties": {
              "code": {"type": "string"},
              "name": {"type": "string"},
              "type": {"type": "string", "enum": ["小学", "初中", "九年一贯制", "教学点", "特殊教育学校", "职业中学", "完全中学", "幼儿园"]},
              "township": {"type": "string"},
              "townshipName": {"type": "string"},
              "students": {"type": "integer"}
            }
          },
          "StudentSheet": {
            "type": "object",
            "required": ["name", "sex", "birthDate", "studentNumber", "school", "township", "grade", "status", "masked"],
            "properties": {
              "name": {"type": "string"},
              "sex": {"type": "string", "enum": ["male", "female"]},
              "birthDate": {"type": "string", "format": "date"},
              "masked": {"type": "boolean", "description": "true in lists and for viewers: numbers and phone masked"},
              "idNumber": {"type": "string", "description": "masked 510123********123X, unless a single record for a role allowed the full value"},
              "studentNumber": {"type": "string"},
              "enrolledOn": {"type": "string"},
              "householdRegion": {"type": "string"},
              "attendance": {"type": "string"},
              "guardianName": {"type": "string"},
              "updatedAt": {"type": "string"},
              "revision": {"type": "integer"},
              "school": {"type": "string"},
              "schoolName": {"type": "string"},
              "township": {"type": "string"},
              "grade": {"type": "integer"},
              "className": {"type": "string"},
              "status": {"$ref": "#/components/schemas/Status"},
              "registeredPoor": {"type": "boolean"},
              "subsistence": {"type": "boolean"},
              "disability": {"type": "string"},
              "leftBehind": {"type": "string"},
              "guardianPhone": {"type": "string", "description": "masked, 138****5678"},
              "documentsIncomplete": {"type": "boolean"}
            }
          },
          "StudentPage": {
            "type": "object",
            "required": ["students", "total"],
            "properties": {
              "students": {"type": "array", "items": {"$ref": "#/components/schemas/StudentSheet"}},
              "total": {"type": "integer"},
              "nextCursor": {"type": "string"}
            }
          },
          "StudentFile": {
            "type": "object",
            "required": ["student", "changes"],
            "properties": {
              "student": {"$ref": "#/components/schemas/StudentSheet"},
              "changes": {"type": "array", "items": {"$ref": "#/components/schemas/StatusChange"}}
            }
          },
          "Actor": {
            "type": "object",
            "required": ["user", "role", "via"],
            "properties": {
              "user": {"type": "string"},
              "role": {"type": "string", "enum": ["county-admin", "county-operator", "township-staff", "school-staff", "viewer"]},
              "township": {"type": "string"},
              "school": {"type": "string"},
              "via": {"type": "string"}
            }
          },
          "AuditEntry": {
            "type": "object",
            "required": ["id", "at", "user", "role", "via", "action", "outcome"],
            "properties": {
              "id": {"type": "integer"},
              "at": {"type": "string"},
              "user": {"type": "string"},
              "role": {"type": "string"},
              "via": {"type": "string"},
              "action": {"type": "string"},
              "outcome": {"type": "string", "description": "ok, or the refusal's code"},
              "subject": {"type": "string", "description": "name and masked number"},
              "detail": {"type": "string"},
              "township": {"type": "string"},
              "school": {"type": "string"}
            }
          },
          "StatusChange": {
            "type": "object",
            "required": [
              "id",
              "studentNumber",
              "kind",
              "to",
              "date",
              "documents",
              "missingDocuments",
              "recordedAt",
              "recordedBy"
            ],
            "properties": {
              "id": {"type": "integer"},
              "studentNumber": {"type": "string"},
              "kind": {"type": "string"},
              "from": {"$ref": "#/components/schemas/Status"},
              "to": {"$ref": "#/components/schemas/Status"},
              "date": {"type": "string", "format": "date"},
              "documents": {"type": "array", "items": {"type": "string"}},
              "missingDocuments": {"type": "array", "items": {"type": "string"}},
              "reason": {"type": "string"},
              "fromSchool": {"type": "string"},
              "toSchool": {"type": "string"},
              "expectedEnd": {"type": "string", "format": "date"},
              "recordedAt": {"type": "string"},
              "recordedBy": {"type": "string"}
            }
          },
          "ChangeForm": {
            "type": "object",
            "required": ["kind"],
            "additionalProperties": false,
            "properties": {
              "kind": {"type": "string", "enum": ["transferOut", "transferIn", "suspend", "resume", "dropOut", "return", "graduate", "death"]},
              "date": {"type": "string", "format": "date", "pattern": "^(19[0-9]{2}|2[01][0-9]{2}|2200)-[0-9]{2}-[0-9]{2}$"},
              "documents": {"type": "array", "maxItems": 20, "items": {"type": "string", "minLength": 1, "maxLength": 50}},
              "reason": {"type": "string", "maxLength": 500},
              "toSchool": {"type": "string", "pattern": "^([0-9]{10})?$"},
              "outOfCounty": {"type": "boolean"},
              "expectedEnd": {"type": "string", "format": "date", "pattern": "^(19[0-9]{2}|2[01][0-9]{2}|2200)-[0-9]{2}-[0-9]{2}$"}
            }
          },
          "StudentForm": {
            "type": "object",
            "required": ["name", "sex", "birthDate", "schoolCode", "grade"],
            "additionalProperties": false,
            "properties": {
              "name": {"type": "string", "minLength": 1, "maxLength": 50},
              "sex": {"type": "string", "enum": ["男", "女"]},
              "birthDate": {"type": "string", "format": "date", "pattern": "^(19[0-9]{2}|2[01][0-9]{2}|2200)-[0-9]{2}-[0-9]{2}$"},
              "idNumber": {"type": "string", "pattern": "^[0-9]{17}[0-9Xx]$"},
              "studentNumber": {"type": "string", "pattern": "^[GJLgjl][0-9A-Za-z]{17,18}$"},
              "schoolCode": {"type": "string", "pattern": "^[0-9]{10}$"},
              "grade": {"oneOf": [{"type": "integer", "minimum": 1, "maximum": 12}, {"type": "string", "minLength": 1, "maxLength": 10}]},
              "className": {"type": "string", "maxLength": 50},
              "enrolledOn": {"type": "string", "maxLength": 50},
              "householdRegion": {"type": "string", "maxLength": 50},
              "attendance": {"type": "string", "enum": ["走读", "住校"]},
              "registeredPoor": {"type": ["boolean", "string"]},
              "subsistence": {"type": ["boolean", "string"]},
              "disability": {"type": "string", "maxLength": 50},
              "leftBehind": {"type": "string", "maxLength": 50},
              "guardianName": {"type": "string", "maxLength": 50},
              "guardianPhone": {"type": "string", "maxLength": 50},
              "documents": {"type": "string", "maxLength": 1000, "description": "comma-separated"},
              "date": {"type": "string", "format": "date", "pattern": "^(19[0-9]{2}|2[01][0-9]{2}|2200)-[0-9]{2}-[0-9]{2}$"}
            },
            "anyOf": [{"required": ["idNumber"]}, {"required": ["studentNumber"]}]
          }
        }
      }
    }
    """#
}
