/// The REST API's OpenAPI document, served at `/openapi.json`. docs/openapi.json is the same
/// text (a test keeps them equal, and checks every route is described).
enum OpenAPIDocument {
    static let json = #"""
        {
          "openapi": "3.0.3",
          "info": {
            "title": "OpenMHHS REST API",
            "version": "1",
            "description": "The central system's REST API (mhhs serve). Every /api/v1 call names its caller by X-API-Key: a hub participant's key. Operators (role OPS) see everything and alone start runs and migrations; a supplier sees its own points and rows; an LDSO its own area (and its DUoS rows). 401 without a known key, 403 (logged) for what the role may not see or do. Changes are audited. The DIP endpoints are in docs/HUB.md."
          },
          "components": {
            "securitySchemes": {
              "apiKey": {
                "type": "apiKey",
                "in": "header",
                "name": "X-API-Key"
              }
            },
            "schemas": {
              "Problem": {
                "type": "object",
                "properties": {
                  "error": {
                    "type": "string"
                  }
                },
                "required": [
                  "error"
                ]
              },
              "Caller": {
                "type": "object",
                "properties": {
                  "dipID": {
                    "type": "string"
                  },
                  "mpid": {
                    "type": "string"
                  },
                  "role": {
                    "type": "string"
                  },
                  "operator": {
                    "type": "boolean"
                  }
                }
              },
              "RunManifest": {
                "type": "object",
                "description": "A settlement run: id <date>-<type>-<n>, its inputs' and results' SHA-256 digests.",
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "settlementDate": {
                    "type": "string",
                    "format": "date"
                  },
                  "runType": {
                    "type": "string",
                    "enum": [
                      "II",
                      "SF",
                      "R1",
                      "R2",
                      "R3",
                      "RF",
                      "DF"
                    ]
                  },
                  "runNumber": {
                    "type": "integer"
                  },
                  "runAt": {
                    "type": "string"
                  },
                  "spDataVersion": {
                    "type": "integer"
                  },
                  "codeVersion": {
                    "type": "string"
                  },
                  "inputs": {
                    "type": "object",
                    "additionalProperties": {
                      "type": "string"
                    }
                  },
                  "results": {
                    "type": "object",
                    "additionalProperties": {
                      "type": "string"
                    }
                  }
                }
              },
              "RunRequest": {
                "type": "object",
                "required": [
                  "date",
                  "run"
                ],
                "properties": {
                  "date": {
                    "type": "string",
                    "format": "date"
                  },
                  "run": {
                    "type": "string",
                    "enum": [
                      "II",
                      "SF",
                      "R1",
                      "R2",
                      "R3",
                      "RF",
                      "DF"
                    ]
                  },
                  "at": {
                    "type": "string",
                    "description": "the run's time (default now): register as known then, data and takes received by then"
                  }
                }
              },
              "MigrationRunRequest": {
                "type": "object",
                "required": [
                  "date"
                ],
                "properties": {
                  "date": {
                    "type": "string",
                    "format": "date"
                  },
                  "at": {
                    "type": "string"
                  }
                }
              },
              "Registration": {
                "type": "object",
                "properties": {
                  "mpan": {
                    "type": "string"
                  },
                  "on": {
                    "type": "string",
                    "format": "date"
                  },
                  "asKnownAt": {
                    "type": "string"
                  },
                  "facts": {
                    "type": "object",
                    "description": "supplier, appointments, segment, arrangement, LLF class, … as the register holds them"
                  }
                }
              },
              "RunDiff": {
                "type": "object",
                "properties": {
                  "from": {
                    "type": "string"
                  },
                  "to": {
                    "type": "string"
                  },
                  "changes": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "gspGroup": {
                          "type": "string"
                        },
                        "supplier": {
                          "type": "string"
                        },
                        "bmUnit": {
                          "type": "string"
                        },
                        "ccc": {
                          "type": "string"
                        },
                        "period": {
                          "type": "integer"
                        },
                        "fromMilliWh": {
                          "type": "integer"
                        },
                        "toMilliWh": {
                          "type": "integer"
                        }
                      }
                    }
                  }
                }
              },
              "LoadShapes": {
                "type": "object",
                "properties": {
                  "run": {
                    "type": "string"
                  },
                  "runAt": {
                    "type": "string"
                  },
                  "minimumSample": {
                    "type": "integer"
                  },
                  "shapes": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "category": {
                          "type": "string"
                        },
                        "dayWh": {
                          "type": "integer"
                        },
                        "flags": {
                          "type": "string"
                        },
                        "values": {
                          "type": "array",
                          "items": {
                            "type": "integer"
                          }
                        }
                      }
                    }
                  }
                }
              },
              "MigrationStatus": {
                "type": "object",
                "properties": {
                  "at": {
                    "type": "string"
                  },
                  "rows": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "date": {
                          "type": "string",
                          "format": "date"
                        },
                        "arrangement": {
                          "type": "string"
                        },
                        "segment": {
                          "type": "string"
                        },
                        "ldso": {
                          "type": "string"
                        },
                        "points": {
                          "type": "integer"
                        },
                        "annualWh": {
                          "type": "integer"
                        }
                      }
                    }
                  }
                }
              },
              "MigrationRunReport": {
                "type": "object",
                "properties": {
                  "requested": {
                    "type": "integer"
                  },
                  "migrated": {
                    "type": "integer"
                  },
                  "failed": {
                    "type": "integer"
                  },
                  "waiting": {
                    "type": "integer"
                  },
                  "closures": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  }
                }
              },
              "AuditEvent": {
                "type": "object",
                "properties": {
                  "at": {
                    "type": "string"
                  },
                  "actor": {
                    "type": "string"
                  },
                  "action": {
                    "type": "string"
                  },
                  "target": {
                    "type": "string"
                  },
                  "detail": {
                    "type": "string"
                  }
                }
              }
            }
          },
          "paths": {
            "/openapi.json": {
              "get": {
                "summary": "This document.",
                "responses": {
                  "200": {
                    "description": "OpenAPI 3 document"
                  }
                }
              }
            },
            "/metrics": {
              "get": {
                "summary": "Prometheus metrics: requests, latency, refusals, run durations, hub messages accepted and delivered.",
                "responses": {
                  "200": {
                    "description": "text exposition format",
                    "content": {
                      "text/plain": {
                        "schema": {
                          "type": "string"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/me": {
              "get": {
                "summary": "The caller as the key identifies it.",
                "security": [
                  {
                    "apiKey": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "the caller",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Caller"
                        }
                      }
                    }
                  },
                  "401": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/registrations/{mpan}": {
              "get": {
                "summary": "A point's registration on a date as known at an instant.",
                "security": [
                  {
                    "apiKey": []
                  }
                ],
                "parameters": [
                  {
                    "name": "mpan",
                    "in": "path",
                    "required": true,
                    "description": "the 13-digit MPAN core",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "on",
                    "in": "query",
                    "required": false,
                    "description": "settlement date (default today)",
                    "schema": {
                      "type": "string",
                      "format": "date"
                    }
                  },
                  {
                    "name": "asKnownAt",
                    "in": "query",
                    "required": false,
                    "description": "date or date-time (default now)",
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "the registration",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Registration"
                        }
                      }
                    }
                  },
                  "401": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "400": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "403": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "404": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/runs": {
              "get": {
                "summary": "Settlement runs, oldest first.",
                "security": [
                  {
                    "apiKey": []
                  }
                ],
                "parameters": [
                  {
                    "name": "date",
                    "in": "query",
                    "required": false,
                    "description": "only this settlement date",
                    "schema": {
                      "type": "string",
                      "format": "date"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "manifests",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/RunManifest"
                          }
                        }
                      }
                    }
                  },
                  "401": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "400": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  }
                }
              },
              "post": {
                "summary": "Start a settlement run (operators). Audited.",
                "security": [
                  {
                    "apiKey": []
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/RunRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "the new run",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/RunManifest"
                        }
                      }
                    }
                  },
                  "401": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "400": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "403": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "422": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/runs/diff": {
              "get": {
                "summary": "What changed between the latest runs of two types for a date, largest first (a supplier sees its own rows).",
                "security": [
                  {
                    "apiKey": []
                  }
                ],
                "parameters": [
                  {
                    "name": "date",
                    "in": "query",
                    "required": true,
                    "description": "settlement date",
                    "schema": {
                      "type": "string",
                      "format": "date"
                    }
                  },
                  {
                    "name": "from",
                    "in": "query",
                    "required": true,
                    "description": "run type, e.g. SF",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "to",
                    "in": "query",
                    "required": true,
                    "description": "run type, e.g. R1",
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "the changes",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/RunDiff"
                        }
                      }
                    }
                  },
                  "401": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "400": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "403": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "404": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/runs/{id}": {
              "get": {
                "summary": "One run's manifest.",
                "security": [
                  {
                    "apiKey": []
                  }
                ],
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "description": "<date>-<type>-<n>",
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "the manifest",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/RunManifest"
                        }
                      }
                    }
                  },
                  "401": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "404": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/runs/{id}/volumes": {
              "get": {
                "summary": "The run's volumes CSV (supplier × BM unit × CCC × SP); a supplier gets its own rows.",
                "security": [
                  {
                    "apiKey": []
                  }
                ],
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "description": "<date>-<type>-<n>",
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "CSV",
                    "content": {
                      "text/csv": {
                        "schema": {
                          "type": "string"
                        }
                      }
                    }
                  },
                  "401": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "403": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "404": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/load-shapes": {
              "get": {
                "summary": "The latest published load shapes of a UTC day.",
                "security": [
                  {
                    "apiKey": []
                  }
                ],
                "parameters": [
                  {
                    "name": "date",
                    "in": "query",
                    "required": true,
                    "description": "UTC day",
                    "schema": {
                      "type": "string",
                      "format": "date"
                    }
                  },
                  {
                    "name": "category",
                    "in": "query",
                    "required": false,
                    "description": "one category, e.g. _A/W/S/D/AI, with its 48 values",
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "the shapes",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/LoadShapes"
                        }
                      }
                    }
                  },
                  "401": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "400": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "404": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/migration/status": {
              "get": {
                "summary": "Points and annual energy per date × arrangement × segment × LDSO (operators; an LDSO its own area).",
                "security": [
                  {
                    "apiKey": []
                  }
                ],
                "parameters": [
                  {
                    "name": "from",
                    "in": "query",
                    "required": true,
                    "description": "first date",
                    "schema": {
                      "type": "string",
                      "format": "date"
                    }
                  },
                  {
                    "name": "to",
                    "in": "query",
                    "required": false,
                    "description": "last date (default from; at most a year)",
                    "schema": {
                      "type": "string",
                      "format": "date"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "the rows",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/MigrationStatus"
                        }
                      }
                    }
                  },
                  "401": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "400": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "403": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/migration/run": {
              "post": {
                "summary": "The day's migration run through the Registration Service (operators). Audited.",
                "security": [
                  {
                    "apiKey": []
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/MigrationRunRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "what it did",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/MigrationRunReport"
                        }
                      }
                    }
                  },
                  "401": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "400": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "403": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "422": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/audit": {
              "get": {
                "summary": "Audited changes, latest first (operators).",
                "security": [
                  {
                    "apiKey": []
                  }
                ],
                "parameters": [
                  {
                    "name": "limit",
                    "in": "query",
                    "required": false,
                    "description": "at most this many (1–1000, default 100)",
                    "schema": {
                      "type": "integer"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "events",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/AuditEvent"
                          }
                        }
                      }
                    }
                  },
                  "401": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "403": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/reports/{kind}": {
              "get": {
                "summary": "A run's ECS report as CSV (the latest run of the date unless run names one): operators every row, a supplier its own rows, an LDSO its own rows of REP-002.",
                "security": [
                  {
                    "apiKey": []
                  }
                ],
                "parameters": [
                  {
                    "name": "kind",
                    "in": "path",
                    "required": true,
                    "description": "REP-002, REP-003, REP-004, REP-006, REP-007 or REP-008",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "date",
                    "in": "query",
                    "required": false,
                    "description": "settlement date (unless run is given)",
                    "schema": {
                      "type": "string",
                      "format": "date"
                    }
                  },
                  {
                    "name": "run",
                    "in": "query",
                    "required": false,
                    "description": "a run id",
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "CSV; the X-MHHS-Run header names the run",
                    "content": {
                      "text/csv": {
                        "schema": {
                          "type": "string"
                        }
                      }
                    }
                  },
                  "401": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "400": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "403": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "404": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/standing-data/participants": {
              "get": {
                "summary": "Market Domain Data participants holding a role on a date.",
                "security": [
                  {
                    "apiKey": []
                  }
                ],
                "parameters": [
                  {
                    "name": "role",
                    "in": "query",
                    "required": true,
                    "description": "an MDD role code, e.g. X (supplier), R (distributor), N (smart data service)",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "on",
                    "in": "query",
                    "required": false,
                    "description": "date (default today)",
                    "schema": {
                      "type": "string",
                      "format": "date"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "the participants",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "properties": {
                            "version": {
                              "type": "string"
                            },
                            "role": {
                              "type": "string"
                            },
                            "on": {
                              "type": "string",
                              "format": "date"
                            },
                            "participants": {
                              "type": "array",
                              "items": {
                                "type": "object",
                                "properties": {
                                  "mpid": {
                                    "type": "string"
                                  },
                                  "name": {
                                    "type": "string"
                                  }
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  },
                  "401": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "400": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "404": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/standing-data/llf": {
              "get": {
                "summary": "A distributor's line loss factors of a class for a settlement date, one per SP (46, 48 or 50).",
                "security": [
                  {
                    "apiKey": []
                  }
                ],
                "parameters": [
                  {
                    "name": "ldso",
                    "in": "query",
                    "required": true,
                    "description": "distributor MPID",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "llfc",
                    "in": "query",
                    "required": true,
                    "description": "LLF class",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "date",
                    "in": "query",
                    "required": true,
                    "description": "settlement date",
                    "schema": {
                      "type": "string",
                      "format": "date"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "the factors",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "properties": {
                            "ldso": {
                              "type": "string"
                            },
                            "llfc": {
                              "type": "string"
                            },
                            "date": {
                              "type": "string",
                              "format": "date"
                            },
                            "factors": {
                              "type": "array",
                              "items": {
                                "type": "number"
                              }
                            }
                          }
                        }
                      }
                    }
                  },
                  "401": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "400": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  },
                  "404": {
                    "description": "a refusal: {\"error\": \"…\"}",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Problem"
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
        """#
}
