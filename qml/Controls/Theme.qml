// Theme: the studio's colours, sizes and fonts; dark by default, light on request (remembered).
pragma Singleton
import QtQuick
import Qt.labs.settings

QtObject {
    id: theme

    property bool dark: settings.dark
    onDarkChanged: settings.dark = dark

    readonly property color background: dark ? "#15171c" : "#f3f4f7"
    readonly property color surface: dark ? "#1d2027" : "#ffffff"
    readonly property color surfaceRaised: dark ? "#262a33" : "#e9ebf0"
    readonly property color border: dark ? "#343946" : "#cfd3dc"
    readonly property color text: dark ? "#e8eaf0" : "#1b1e25"
    readonly property color textMuted: dark ? "#9aa1b2" : "#5b6272"
    readonly property color accent: "#5b8cff"
    readonly property color accentText: "#ffffff"
    readonly property color selection: dark ? "#2b3a5e" : "#d7e3ff"
    readonly property color danger: dark ? "#ff6b6b" : "#c62828"
    readonly property color success: dark ? "#5fd38d" : "#2e7d32"
    readonly property color warning: "#f0b429"
    readonly property color thumbnailTop: dark ? "#2f3648" : "#c9d3ea"
    readonly property color thumbnailBottom: dark ? "#1a1e29" : "#9fb0d6"

    readonly property int spacing: 8
    readonly property int radius: 6
    readonly property int fontSize: 13
    readonly property int smallFontSize: 11
    readonly property int titleFontSize: 18

    property Settings settings: Settings {
        category: "theme"
        property bool dark: true
    }
}
