/**
 * Cross-cutting infrastructure shared by every capability: problem details, security,
 * idempotency, time and web paging. Open to all modules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package shop.commerce.support;
