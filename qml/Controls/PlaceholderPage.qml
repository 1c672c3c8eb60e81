// PlaceholderPage: an area of the studio that is not built yet says so plainly.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Rectangle {
    id: page
    property string heading
    property string description
    color: Theme.background

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 80, 560)
        spacing: 12
        Label {
            Layout.fillWidth: true
            text: page.heading
            color: Theme.text
            font.pixelSize: 24
            horizontalAlignment: Text.AlignHCenter
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Not built yet.")
            color: Theme.warning
            font.pixelSize: Theme.fontSize + 2
            horizontalAlignment: Text.AlignHCenter
        }
        Label {
            Layout.fillWidth: true
            text: page.description
            color: Theme.textMuted
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
        }
    }
}
