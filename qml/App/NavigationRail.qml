// NavigationRail: the studio's areas (Storyboard, Timeline, Cameo, Feed, Export); Ctrl+1..5.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kinora.Controls

Rectangle {
    id: rail
    property int currentIndex: 0
    readonly property var areas: [
        { glyph: "▦", name: qsTr("Storyboard") },
        { glyph: "▶", name: qsTr("Timeline") },
        { glyph: "☺", name: qsTr("Cameo") },
        { glyph: "◎", name: qsTr("Feed") },
        { glyph: "⇪", name: qsTr("Export") }
    ]
    color: Theme.surface
    implicitWidth: 88

    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: 10
        spacing: 4
        Repeater {
            model: rail.areas
            delegate: ItemDelegate {
                id: item
                required property int index
                required property var modelData
                objectName: "nav" + modelData.name
                Layout.fillWidth: true
                Layout.preferredHeight: 64
                highlighted: rail.currentIndex === index
                onClicked: rail.currentIndex = index
                contentItem: ColumnLayout {
                    spacing: 2
                    Label {
                        Layout.alignment: Qt.AlignHCenter
                        text: item.modelData.glyph
                        font.pixelSize: 20
                        color: item.highlighted ? Theme.accent : Theme.textMuted
                    }
                    Label {
                        Layout.alignment: Qt.AlignHCenter
                        text: item.modelData.name
                        font.pixelSize: Theme.smallFontSize
                        color: item.highlighted ? Theme.text : Theme.textMuted
                    }
                }
                background: Rectangle {
                    color: item.highlighted ? Theme.selection : (item.hovered ? Theme.surfaceRaised : "transparent")
                    Rectangle {
                        visible: item.highlighted
                        width: 3
                        height: parent.height
                        color: Theme.accent
                    }
                }
            }
        }
        Item { Layout.fillHeight: true }
    }
}
