/// The webhook deliveries' paths, beside their routes in `GatewayHTTP+Deliveries.swift`.
extension OpenAPIDocument {
    static let deliveriesFragment = #"""
    {
      "paths": {
        "/api/v1/alerts/deliveries": {
          "get": {
            "summary": "Webhook deliveries, newest first: which webhook got which alert event, escalation or digest, and how the attempts went (addresses masked). County admins and operators see all; township staff their own township's.",
            "operationId": "listDeliveries",
            "parameters": [{"name": "state", "in": "query", "schema": {"type": "string", "enum": ["", "pending", "delivered", "failed", "dead"]}}, {"name": "failed", "in": "query", "description": "only failed and dead ones", "schema": {"type": "boolean"}}, {"name": "township", "in": "query", "schema": {"type": "string", "pattern": "^([0-9]{9})?$"}}, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}}, {"$ref": "#/components/parameters/lang"}],
            "responses": {"200": {"description": "deliveries", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Delivery"}}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "405": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}}
          }
        },
        "/api/v1/alerts/deliveries/{id}/resend": {
          "post": {
            "summary": "Queue a failed or dead delivery again, due now (county admins and operators). A delivered one is never sent twice: 409.",
            "operationId": "resendDelivery",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[1-9][0-9]{0,17}$"}}, {"$ref": "#/components/parameters/lang"}],
            "responses": {"200": {"description": "the delivery, pending again", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Delivery"}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "405": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}}
          }
        }
      },
      "schemas": {
        "Delivery": {
          "type": "object",
          "required": ["id", "webhook", "url", "kind", "purpose", "township", "state", "attempts", "createdAt", "webhookRemoved"],
          "properties": {
            "id": {"type": "integer"},
            "webhook": {"type": "string"},
            "url": {"type": "string", "description": "the webhook's address with query values and credentials replaced by ***"},
            "kind": {"type": "string", "enum": ["generic", "wecom", "dingtalk"]},
            "purpose": {"type": "string", "enum": ["alert", "escalation", "digest"]},
            "seq": {"type": "integer", "description": "the alert event's id in the stream"},
            "alertID": {"type": "integer"},
            "township": {"type": "string"},
            "school": {"type": "string"},
            "state": {"type": "string", "enum": ["pending", "delivered", "failed", "dead"]},
            "attempts": {"type": "integer"},
            "lastStatus": {"type": "integer"},
            "lastError": {"type": "string"},
            "nextAttemptAt": {"type": "string"},
            "createdAt": {"type": "string"},
            "deliveredAt": {"type": "string"},
            "webhookRemoved": {"type": "boolean"}
          }
        }
      }
    }
    """#
}
