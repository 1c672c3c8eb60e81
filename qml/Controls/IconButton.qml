// IconButton: a compact tool button with a text glyph, a tooltip and the action's shortcut.
import QtQuick
import QtQuick.Controls

ToolButton {
    id: control
    property string tip
    font.pixelSize: Theme.fontSize
    ToolTip.visible: hovered && tip.length > 0
    ToolTip.delay: 500
    ToolTip.text: tip
    opacity: enabled ? 1 : 0.35
}
