// Look: the lighting recipe per time of day, weather and environment. Numbers are linear RGB and
// were tuned by eye on the test scenes; the key light always comes from the camera's upper left.
#include "engine/render/look.h"

#include <algorithm>
#include <cmath>

namespace kinora::engine {
namespace {

Vec3 scaled(Vec3 v, double s) { return {v.x * s, v.y * s, v.z * s}; }
Vec3 unit(Vec3 v)
{
    const double n = std::sqrt(v.x * v.x + v.y * v.y + v.z * v.z);
    return {v.x / n, v.y / n, v.z / n};
}
Vec3 greyed(Vec3 v, double amount)
{
    const double l = 0.3 * v.x + 0.59 * v.y + 0.11 * v.z;
    return {v.x + (l - v.x) * amount, v.y + (l - v.y) * amount, v.z + (l - v.z) * amount};
}

void applyTimeOfDay(Look &look)
{
    const QString &t = look.timeOfDay;
    if (t == QLatin1String("dawn")) {
        look.toLight = unit({-0.8, 0.25, 0.35});
        look.lightColor = {1.0, 0.7, 0.5};
        look.zenith = {0.3, 0.4, 0.65}, look.horizon = {1.0, 0.68, 0.5};
        look.ambientSky = {0.3, 0.3, 0.4}, look.ambientGround = {0.2, 0.16, 0.15};
    } else if (t == QLatin1String("dusk")) {
        look.toLight = unit({-0.75, 0.2, 0.4});
        look.lightColor = {1.0, 0.52, 0.28};
        look.zenith = {0.18, 0.17, 0.42}, look.horizon = {1.0, 0.48, 0.28};
        look.ambientSky = {0.26, 0.2, 0.3}, look.ambientGround = {0.17, 0.12, 0.12};
    } else if (t == QLatin1String("night")) {
        look.night = true;
        look.toLight = unit({-0.3, 0.7, 0.5}); // the moon
        look.lightColor = {0.22, 0.27, 0.4};
        look.zenith = {0.004, 0.008, 0.025}, look.horizon = {0.02, 0.03, 0.07};
        look.ambientSky = {0.035, 0.045, 0.08}, look.ambientGround = {0.015, 0.015, 0.02};
        look.fogColor = {0.02, 0.025, 0.04};
    } else {
        look.toLight = unit({-0.4, 0.8, 0.45});
        look.lightColor = {1.05, 1.0, 0.92};
        look.zenith = {0.1, 0.28, 0.75}, look.horizon = {0.6, 0.75, 0.92};
        look.ambientSky = {0.3, 0.36, 0.46}, look.ambientGround = {0.2, 0.18, 0.15};
    }
    if (!look.night)
        look.fogColor = greyed(look.horizon, 0.3);
}

void applyWeather(Look &look)
{
    const QString &w = look.weather;
    const double dim = look.night ? 0.3 : 1.0;
    if (w == QLatin1String("overcast") || w == QLatin1String("rain") || w == QLatin1String("snow")) {
        look.lightColor = scaled(greyed(look.lightColor, 0.6), 0.4);
        look.ambientSky = scaled(greyed(look.ambientSky, 0.7), 1.5);
        look.zenith = scaled(Vec3{0.5, 0.52, 0.56}, dim), look.horizon = scaled(Vec3{0.66, 0.68, 0.7}, dim);
        look.fogColor = look.horizon;
        look.shadowStrength = 0.45;
    }
    if (w == QLatin1String("rain")) {
        look.rain = 1, look.wetness = 1, look.fogDensity = 0.03;
        look.zenith = scaled(look.zenith, 0.7), look.horizon = scaled(look.horizon, 0.75);
        look.fogColor = look.horizon;
    } else if (w == QLatin1String("snow")) {
        look.snow = 1, look.fogDensity = 0.025;
        look.zenith = scaled(Vec3{0.75, 0.77, 0.8}, dim), look.horizon = look.zenith;
        look.fogColor = look.zenith;
    } else if (w == QLatin1String("fog")) {
        look.fogDensity = 0.14;
        look.lightColor = scaled(look.lightColor, 0.6);
        look.fogColor = look.night ? Vec3{0.03, 0.035, 0.05} : greyed(look.horizon, 0.8);
        look.shadowStrength = 0.5;
    }
}

void applyEnvironment(Look &look)
{
    const QString &e = look.environment;
    look.indoor = e == QLatin1String("gym") || e == QLatin1String("room") || e == QLatin1String("office")
                  || e == QLatin1String("kitchen") || e == QLatin1String("stage");
    if (look.indoor) {
        // Lamps, not the sky: night only warms and dims them; weather stays outside.
        const double lamps = look.night ? 0.8 : 1.0;
        look.toLight = unit({-0.35, 0.9, 0.3});
        look.lightColor = scaled(Vec3{1.0, 0.94, 0.84}, lamps);
        look.ambientSky = scaled(Vec3{0.38, 0.37, 0.36}, lamps);
        look.ambientGround = scaled(Vec3{0.24, 0.2, 0.17}, lamps);
        look.fogDensity = 0.004, look.fogColor = {0.5, 0.48, 0.45};
        look.rain = look.snow = look.wetness = 0;
        look.shadowStrength = 0.75;
    }
    if (e == QLatin1String("stage")) {
        look.stage = true;
        look.toLight = unit({-0.25, 0.95, 0.2});
        look.lightColor = {1.5, 1.42, 1.3};
        look.ambientSky = {0.04, 0.04, 0.05}, look.ambientGround = {0.02, 0.02, 0.02};
        look.fogColor = {0.02, 0.02, 0.025};
        look.shadowStrength = 0.9;
    } else if (e == QLatin1String("space")) {
        look.space = true, look.hasGround = false;
        look.toLight = unit({-0.6, 0.5, 0.6});
        look.lightColor = {1.3, 1.25, 1.2};
        look.ambientSky = {0.03, 0.03, 0.04}, look.ambientGround = {0.03, 0.03, 0.04};
        look.zenith = look.horizon = {0, 0, 0};
        look.fogDensity = 0, look.rain = look.snow = look.wetness = 0;
        look.shadowStrength = 1;
    } else if (e == QLatin1String("underwater")) {
        look.underwater = true;
        look.toLight = unit({-0.2, 1.0, 0.2});
        look.lightColor = scaled(Vec3{0.55, 0.9, 0.9}, look.night ? 0.2 : 1.0);
        look.ambientSky = {0.08, 0.3, 0.34}, look.ambientGround = {0.04, 0.14, 0.16};
        look.zenith = {0.12, 0.55, 0.62}, look.horizon = {0.02, 0.22, 0.28};
        look.fogColor = {0.03, 0.3, 0.36}, look.fogDensity = 0.09;
        look.rain = look.snow = look.wetness = 0;
        look.shadowStrength = 0.6;
    }
}

} // namespace

Look makeLook(const ScenePlan &plan, const WorldTrack &track)
{
    Look look;
    look.environment = plan.environment;
    look.style = plan.style;
    look.weather = plan.weather;
    look.timeOfDay = plan.timeOfDay;
    look.seed = plan.seed;
    applyTimeOfDay(look);
    applyWeather(look);
    applyEnvironment(look);
    if (plan.style == QLatin1String("noir"))
        look.shadowStrength = std::max(look.shadowStrength, 0.95);
    // The stage spotlight finds the camera subject, else the middle of the cast.
    const int subject = plan.camera.subject.isEmpty() ? -1 : plan.indexOf(plan.camera.subject);
    const QList<Vec3> start = track.frames.isEmpty() ? QList<Vec3>{} : track.frames.first().entityPositions;
    if (subject >= 0 && subject < start.size()) {
        look.spotCentre = start.at(subject);
    } else if (!start.isEmpty()) {
        for (const Vec3 &p : start)
            look.spotCentre = {look.spotCentre.x + p.x / start.size(), 0, look.spotCentre.z + p.z / start.size()};
    }
    look.spotCentre.y = 0;
    return look;
}

} // namespace kinora::engine
