//! A tenant's business calendar in the database: read (with the default when the
//! tenant has none) and replaced by provider admins.

use super::{BusinessCalendar, CalendarInput, DayHours, parse_timezone};
use crate::entity::sla_calendar;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use garrison_core::db::ScopedTx;
use garrison_core::role::{Action, Resource};
use garrison_core::{Error, Result, TenantId};
use sea_orm::ActiveValue::Set;
use sea_orm::ColumnTrait;
use sea_orm::sea_query::OnConflict;
use serde::{Deserialize, Serialize};

/// A tenant's calendar as shown to callers.
#[derive(Debug, Clone)]
pub struct TenantCalendar {
    pub tenant_id: TenantId,
    pub calendar: BusinessCalendar,
    /// True when the tenant has not set one (Mon-Fri 09:00-17:00, its own zone).
    pub is_default: bool,
    pub updated_at: Option<DateTime<Utc>>,
}

#[derive(Serialize, Deserialize)]
struct StoredDay {
    weekday: u8,
    start: u16,
    end: u16,
}

/// The tenant's calendar (anyone who may read its SLA policies).
pub async fn get_calendar(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<TenantCalendar> {
    tx.scope()
        .require_in(tenant, Resource::SlaPolicy, Action::Read)?;
    load_calendar(tx, tenant).await
}

/// Replaces the tenant's calendar (provider admins: it is part of the contract).
/// `now` stamps `updated_at`. Running business-hours clocks use the new hours
/// from their next pause or resume on; their due times are not recomputed.
pub async fn set_calendar(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    input: CalendarInput,
    now: DateTime<Utc>,
) -> Result<TenantCalendar> {
    tx.scope()
        .require_in(tenant, Resource::SlaPolicy, Action::Update)?;
    let calendar = input.parse(tenant_timezone(tx, tenant).await?)?;
    let weekly: Vec<StoredDay> = calendar
        .hours
        .iter()
        .enumerate()
        .filter_map(|(day, hours)| {
            hours.map(|h| StoredDay {
                weekday: day as u8,
                start: h.start_min,
                end: h.end_min,
            })
        })
        .collect();
    let holidays: Vec<String> = calendar.holidays.iter().map(|d| d.to_string()).collect();
    let row = sla_calendar::ActiveModel {
        tenant_id: Set(tenant.as_uuid()),
        timezone: Set(calendar.timezone.name().to_string()),
        weekly_hours: Set(serde_json::to_string(&weekly).map_err(Error::internal)?),
        holidays: Set(serde_json::to_string(&holidays).map_err(Error::internal)?),
        updated_at: Set(now),
    };
    let conflict = OnConflict::column(sla_calendar::Column::TenantId)
        .update_columns([
            sla_calendar::Column::Timezone,
            sla_calendar::Column::WeeklyHours,
            sla_calendar::Column::Holidays,
            sla_calendar::Column::UpdatedAt,
        ])
        .to_owned();
    tx.upsert(tenant, row, conflict).await?;
    garrison_core::audit::record(
        tx,
        tenant,
        "sla.calendar.set",
        &format!("tenant:{tenant}"),
        serde_json::json!({"timezone": calendar.timezone.name(), "openDays": weekly.len(), "holidays": holidays.len()}),
    )
    .await?;
    Ok(TenantCalendar {
        tenant_id: tenant,
        calendar,
        is_default: false,
        updated_at: Some(now),
    })
}

/// The tenant's calendar without a permission check: for the clocks, which run as
/// a side effect of an alert or case action already authorised by its service.
pub(crate) async fn load_calendar(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<TenantCalendar> {
    tx.check_tenant(tenant)?;
    let row = tx
        .select::<sla_calendar::Entity>()
        .filter(sla_calendar::Column::TenantId.eq(tenant.as_uuid()))
        .one(tx)
        .await?;
    let Some(row) = row else {
        return Ok(TenantCalendar {
            tenant_id: tenant,
            calendar: BusinessCalendar::default_in(tenant_timezone(tx, tenant).await?),
            is_default: true,
            updated_at: None,
        });
    };
    Ok(TenantCalendar {
        tenant_id: tenant,
        calendar: from_row(&row)?,
        is_default: false,
        updated_at: Some(row.updated_at),
    })
}

fn from_row(row: &sla_calendar::Model) -> Result<BusinessCalendar> {
    let timezone = parse_timezone("timezone", &row.timezone).map_err(Error::internal)?;
    let days: Vec<StoredDay> = serde_json::from_str(&row.weekly_hours).map_err(Error::internal)?;
    let mut hours = [None; 7];
    for day in days {
        if let Some(slot) = hours.get_mut(usize::from(day.weekday)) {
            *slot = Some(DayHours {
                start_min: day.start,
                end_min: day.end,
            });
        }
    }
    let dates: Vec<String> = serde_json::from_str(&row.holidays).map_err(Error::internal)?;
    let holidays = dates
        .iter()
        .map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(Error::internal))
        .collect::<Result<_>>()?;
    Ok(BusinessCalendar {
        timezone,
        hours,
        holidays,
    })
}

/// The tenant's registry time zone (UTC if the registry holds one chrono-tz lacks).
async fn tenant_timezone(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<Tz> {
    let record = garrison_core::tenants::get_tenant(tx, tenant).await?;
    Ok(record.timezone.parse::<Tz>().unwrap_or(Tz::UTC))
}
